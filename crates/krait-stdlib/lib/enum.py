"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag and their metaclass
(CPython 3.11's `enum`, written for krait)."""

import sys as _sys

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
    'ReprEnum', 'auto', 'unique', 'property', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE', 'verify',
    'global_enum', 'global_str', 'global_enum_repr', 'global_flag_repr',
]

_builtin_property = property

# Set once the base classes exist; EnumType.__new__ uses them to tell the
# bootstrap classes apart from user enumerations.
Enum = Flag = ReprEnum = None

# The sunder names an enumeration may define; any other _name_ is reserved.
_ALLOWED_SUNDERS = frozenset((
    '_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
    '_ignore_', '_iter_member_', '_iter_member_by_value_',
    '_iter_member_by_def_', '_add_alias_', '_add_value_alias_',
))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(class_name, name):
    prefix = '_%s__' % class_name.lstrip('_')
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not name.endswith('__'))


def _is_descriptor(obj):
    # krait's property/classmethod/staticmethod objects do not answer
    # hasattr(obj, '__get__'), so they are named explicitly.
    if isinstance(obj, (_builtin_property, classmethod, staticmethod)):
        return True
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Stands for a member value chosen by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces an attribute of an enumeration's body to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an attribute of an enumeration's body from becoming a member."""

    def __init__(self, value):
        self.value = value


class property:
    """A property of members whose name may also be a member's name: read
    on the class it finds that member.  (krait's builtin property cannot
    be subclassed, so this is a whole descriptor.)"""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        if doc is None and fget is not None:
            doc = getattr(fget, '__doc__', None)
        self.__doc__ = doc
        self.name = fget.__name__ if fget is not None else None
        self.owner_name = None

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __set_name__(self, owner, name):
        self.name = name
        self.owner_name = owner.__name__

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            member_map = getattr(ownerclass, '_member_map_', {})
            if self.name in member_map:
                return member_map[self.name]
            raise AttributeError(
                '%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is None:
            raise AttributeError(
                '<enum %r> cannot get attribute %r'
                % (self.owner_name or type(instance).__name__, self.name))
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError(
                '<enum %r> cannot set attribute %r'
                % (self.owner_name or type(instance).__name__, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError(
                '<enum %r> cannot delete attribute %r'
                % (self.owner_name or type(instance).__name__, self.name))
        self.fdel(instance)


class _MembersView:
    """A read-only view of an enumeration's members by name (CPython gives
    a mappingproxy, which krait cannot construct from Python)."""

    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __eq__(self, other):
        if isinstance(other, _MembersView):
            other = other._mapping
        return self._mapping == other

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


class _EnumDict(dict):
    """The namespace of an enumeration's body: records member names in
    order, resolves auto() and rejects reused names."""

    def __init__(self):
        super().__init__()
        self._member_names = {}     # name -> None, ordered
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _ALLOWED_SUNDERS:
                raise ValueError(
                    '_sunder_ names, such as %r, are reserved for future '
                    'Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined '
                                    'before members')
                generate = value
                if isinstance(generate, staticmethod):
                    generate = generate.__func__
                self._generate_next_value = generate
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError('_ignore_ cannot specify already set '
                                     'names: %r' % (already,))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif isinstance(value, member):
            self._add_member(key, value.value)
            value = self[key]
            return
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            self._add_member(key, value)
            return
        super().__setitem__(key, value)

    def _add_member(self, key, value):
        if key in self:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        if isinstance(value, auto):
            value = self._resolve_auto(key, value)
        elif isinstance(value, tuple) and any(
                isinstance(item, auto) for item in value):
            # The auto() values of a tuple count as the member's value
            # for the next auto().
            resolved = []
            for item in value:
                if isinstance(item, auto):
                    item = self._resolve_auto(key, item)
                    self._last_values.append(item)
                resolved.append(item)
            self._member_names[key] = None
            dict.__setitem__(self, key, tuple(resolved))
            return
        self._member_names[key] = None
        self._last_values.append(value)
        dict.__setitem__(self, key, value)

    def _resolve_auto(self, key, an_auto):
        if an_auto.value is _auto_null:
            an_auto.value = self._generate_next_value(
                key, 1, len(self._member_names), self._last_values[:])
            self._auto_called = True
        return an_auto.value


def _default_next_value(name, start, count, last_values, stacklevel=5):
    """Enum's rule in 3.11: one more than the last value when the values
    so far ascend; otherwise (with the DeprecationWarning of 3.11) one
    more than the largest, or than the last that supports + 1 when they
    do not sort. `stacklevel` reaches the class body's line through
    _resolve_auto, _add_member and _EnumDict.__setitem__."""
    if not last_values:
        return start
    try:
        last = last_values[-1]
        last_values.sort()
        if last == last_values[-1]:
            return last + 1
        raise TypeError
    except TypeError:
        import warnings
        warnings.warn(
            "In 3.13 the default `auto()`/`_generate_next_value_` will require "
            "all values to be sortable and support adding +1\n"
            "and the value returned will be the largest value in the enum "
            "incremented by 1",
            DeprecationWarning, stacklevel=stacklevel)
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                pass
        return start


def _find_data_type(class_name, bases):
    data_types = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    data_types.append(base._member_type_)
                    break
            elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                data_types.append(candidate or base)
                break
            else:
                candidate = candidate or base
    unique_types = []
    for data_type in data_types:
        if data_type not in unique_types:
            unique_types.append(data_type)
    if len(unique_types) > 1:
        raise TypeError('too many data types for %r: %r'
                        % (class_name, set(unique_types)))
    return unique_types[0] if unique_types else object


def _find_first_enum(bases):
    if not bases:
        return None
    first_enum = bases[-1]
    if not isinstance(first_enum, EnumType):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    return first_enum


class EnumType(type):
    """The metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        first_enum = bases[-1] if bases else None
        generate = None
        if first_enum is not None and isinstance(first_enum, EnumType):
            generate = getattr(first_enum, '_generate_next_value_', None)
            if isinstance(generate, staticmethod):
                generate = generate.__func__
        enum_dict._generate_next_value = generate or _default_next_value
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            # type(name, bases, dict) style creation
            enum_dict = metacls.__prepare__(cls, bases)
            for key, value in classdict.items():
                enum_dict[key] = value
            classdict = enum_dict
        member_names = list(classdict._member_names)
        invalid = [name for name in member_names if name in ('mro', '')]
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % ', '.join(repr(name) for name in invalid))
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (cls, base))
        member_type = _find_data_type(cls, bases) if bases else object
        first_enum = _find_first_enum(bases)

        namespace = {key: value for key, value in dict.items(classdict)
                     if key not in classdict._member_names}
        namespace.pop('_ignore_', None)
        order = namespace.pop('_order_', None)
        if order is not None and isinstance(order, str):
            order = order.replace(',', ' ').split()

        # Which callable makes a member: the body's __new__, else one saved
        # by an enumeration base, else the data type's.
        new_member = None
        if first_enum is not None:
            new_member = namespace.pop('__new__', None)
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        if new_member is None:
            for base in (first_enum.__mro__ if first_enum else ()):
                if '_new_member_' in base.__dict__ and base.__dict__['_new_member_'] is not None:
                    new_member = base.__dict__['_new_member_'].__func__
                    break
        use_args = True
        if new_member is None:
            if member_type is object:
                use_args = False
                new_member = object.__new__
            else:
                new_member = member_type.__new__
        namespace['_new_member_'] = staticmethod(new_member) if new_member is not object.__new__ else None
        namespace['_use_args_'] = use_args
        namespace['_member_names_'] = []
        namespace['_member_map_'] = {}
        namespace['_value2member_map_'] = {}
        namespace['_unhashable_values_'] = []
        namespace['_member_type_'] = member_type
        if boundary is None:
            boundary = getattr(first_enum, '_boundary_', None)
        namespace['_boundary_'] = boundary
        if Flag is not None and any(issubclass(base, Flag) for base in bases):
            namespace['_flag_mask_'] = 0
            namespace['_all_bits_'] = 0
            namespace['_singles_mask_'] = 0
            namespace['_inverted_'] = None

        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)

        # A mixed-in data type must not provide repr/str/format: the
        # enumeration's own methods win unless a mixin overrides them.
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__'):
                if name in namespace:
                    continue
                for base in enum_class.__mro__[1:]:
                    if base is member_type or base is object:
                        type.__setattr__(enum_class, name, getattr(first_enum, name))
                        break
                    if name in base.__dict__:
                        if isinstance(base, EnumType):
                            type.__setattr__(enum_class, name, base.__dict__[name])
                        break
        # krait finds a Python base's __hash__ before a builtin base's
        # (builtin dunders are not in their type's __dict__), so a builtin
        # data type's hash is put back in front of Enum.__hash__.
        if (member_type is not object and member_type.__module__ == 'builtins'
                and '__hash__' not in namespace):
            type.__setattr__(enum_class, '__hash__', member_type.__hash__)
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a '
                                'data type (i.e. int, str, float, etc.)')
            if '__format__' not in namespace:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in namespace:
                if member_type is str or '__str__' in member_type.__dict__:
                    method = member_type.__str__
                else:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        for name in member_names:
            value = classdict[name]
            enum_class._add_member_(name, value, is_flag)

        if is_flag:
            _finish_flag(enum_class)
        if order is not None:
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def _add_member_(cls, name, value, is_flag=False):
        if isinstance(value, tuple):
            args = value
        else:
            args = (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        new_member = cls._new_member_ or object.__new__
        if not cls._use_args_:
            enum_member = new_member(cls)
        else:
            enum_member = new_member(cls, *args)
        if not hasattr(enum_member, '_value_'):
            if cls._member_type_ is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = cls._member_type_(*args)
                except Exception as exc:
                    new_exc = TypeError('_value_ not set in __new__, unable '
                                        'to create it')
                    new_exc.__cause__ = exc
                    raise new_exc
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member._sort_order_ = len(cls._member_names_)
        if _defines_init(cls):
            enum_member.__init__(*args)

        # An alias: the same value as an earlier member.
        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for earlier in cls._member_map_.values():
                if earlier._value_ == value:
                    canonical = earlier
                    break
        if canonical is None and not _is_hashable(value):
            for earlier in cls._member_map_.values():
                if earlier._value_ == value:
                    canonical = earlier
                    break
        if canonical is not None:
            enum_member = canonical
        elif not (is_flag and isinstance(value, int) and not _is_single_bit(value)):
            # Flag members of several bits (or none) are aliases.
            cls._member_names_.append(name)

        # Members are class attributes unless a base's descriptor of that
        # name (such as `name` or `value`) must keep serving the members.
        shadowed = False
        for base in cls.__mro__[1:]:
            if name in base.__dict__:
                shadowed = _is_descriptor(base.__dict__[name])
                break
        if not shadowed:
            type.__setattr__(cls, name, enum_member)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls._lookup_value_(value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _lookup_value_(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for found in cls._member_map_.values():
                if found._value_ == value:
                    return found
        failure = None
        try:
            result = cls._missing_(value)
        except Exception as exc:
            failure = exc
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT and isinstance(result, int):
            return result
        error = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if result is None and failure is None:
            raise error
        if failure is None:
            failure = TypeError('error in %s._missing_: returned %r instead '
                                'of None or a valid member'
                                % (cls.__name__, result))
        failure.__context__ = error
        raise failure

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        metacls = cls.__class__
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            generate = classdict._generate_next_value
            for count, name in enumerate(original_names):
                value = generate(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict) or hasattr(names, 'items') and not isinstance(names, (list, tuple)):
            items = [(key, names[key]) for key in names]
        else:
            items = names
        for item in items:
            if isinstance(item, str):
                name, value = item, names[item]
            else:
                name, value = item
            classdict[name] = value
        if module is None:
            module = _caller_module()
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            # 3.11 announces the 3.12 change before refusing.
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but will "
                "return True or\nFalse depending on whether the value is a "
                "member or the value of a member",
                DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(value).__qualname__, cls.__class__.__qualname__))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__',
                 '__init_subclass__', '__iter__', '__len__', '__members__',
                 '__module__', '__name__', '__qualname__'}
        names.update(cls._member_names_)
        for base in cls.__mro__:
            if isinstance(base, EnumType) and base not in _BASE_ENUMS:
                for key, value in base.__dict__.items():
                    if not key.startswith('_') and key not in cls._member_map_:
                        names.add(key)
        if cls._member_type_ is not object:
            names.update(name for name in dir(cls._member_type_)
                         if not name.startswith('_'))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return _MembersView(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


def _is_hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _defines_init(cls):
    # krait's object has no __init__ attribute, so members only get an
    # __init__ call when some class other than object defines one.
    for base in cls.__mro__:
        if base is object or base is Enum:
            continue
        if '__init__' in base.__dict__:
            return True
    return False


def _caller_module():
    getframe = getattr(_sys, '_getframe', None)
    if getframe is None:
        # krait has no sys._getframe: assume the functional API is used by
        # the main program.
        return '__main__'
    try:
        return getframe(3).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


class Enum(metaclass=EnumType):
    """Generic enumeration: subclass it to define named constants."""

    def __new__(cls, value):
        return cls._lookup_value_(value)

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return _default_next_value(name, start, count, last_values, stacklevel=6)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__',
                 'name', 'value'}
        for base in type(self).__mro__:
            if isinstance(base, EnumType) and base not in _BASE_ENUMS:
                for key, value in base.__dict__.items():
                    if not key.startswith('_') and key not in type(self)._member_map_:
                        names.add(key)
        for key in getattr(self, '__dict__', {}):
            if not key.startswith('_'):
                names.add(key)
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes repr(): str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag(value) does with bits that no member has."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _finish_flag(cls):
    mask = 0
    singles = 0
    for enum_member in cls._member_map_.values():
        value = enum_member._value_
        if isinstance(value, int):
            mask |= value
            if _is_single_bit(value):
                singles |= value
    type.__setattr__(cls, '_flag_mask_', mask)
    type.__setattr__(cls, '_singles_mask_', singles)
    type.__setattr__(cls, '_all_bits_', 2 ** mask.bit_length() - 1)


class Flag(Enum, boundary=STRICT):
    """Enum whose members can be combined with |, & and ^."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % (last_value,)) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        given = value
        if value < 0:
            value = max(all_bits + 1, 2 ** value.bit_length()) + value
        boundary = cls._boundary_
        if value < 0 or value & ~flag_mask:
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                    '%r invalid value %r\n    given %s\n  allowed %s'
                    % (cls, given, _binary(given, width), _binary(flag_mask, width)))
            if boundary is CONFORM:
                value &= flag_mask
            elif boundary is EJECT:
                return value
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        names = [m._name_ for m in cls._iter_member_(value)]
        if value & ~flag_mask:
            extra = value & ~flag_mask
            names.append(str(extra))
        pseudo._name_ = '|'.join(names) if names else None
        pseudo._sort_order_ = -1
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            enum_member = cls._member_map_[name]
            if enum_member._value_ and enum_member._value_ & value == enum_member._value_:
                yield enum_member

    def __iter__(self):
        return iter(list(type(self)._iter_member_(self._value_)))

    def __len__(self):
        return self._value_.bit_count()

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other_value = self._other_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._other_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._other_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        cls = self.__class__
        if cls._boundary_ in (EJECT, KEEP):
            return cls(~self._value_)
        return cls(cls._singles_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _binary(number, width):
    """CPython's bits display in Flag errors: '0b0 1001'."""
    if number < 0:
        return '-0b1 ' + bin(~number & (2 ** width - 1))[2:].zfill(width)
    return '0b0 ' + bin(number)[2:].zfill(width)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""

    # int's operators come before Flag's in the MRO; the flag ones win.
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


_BASE_ENUMS = (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag)


def unique(enumeration):
    """Class decorator: no two members of `enumeration` share a value."""
    duplicates = []
    for name, enum_member in enumeration.__members__.items():
        if name != enum_member.name:
            duplicates.append((name, enum_member.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name)
                                  for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, alias_details))
    return enumeration


class EnumCheck(StrEnum):
    """What verify() checks."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator checking the given EnumCheck constraints."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        for check in self.checks:
            if check is UNIQUE:
                unique(enumeration)
            elif check is CONTINUOUS:
                values = set(m.value for m in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if Flag is not None and issubclass(enumeration, Flag):
                    expected = set(2 ** bit for bit in range(low.bit_length() - 1, high.bit_length()))
                    kind = 'flag'
                else:
                    expected = set(range(low, high + 1))
                    kind = 'enum'
                missing = sorted(expected - values)
                if missing:
                    raise ValueError('invalid %s %r: missing values %s'
                                     % (kind, cls_name, ', '.join(str(v) for v in missing)))
            elif check is NAMED_FLAGS:
                member_names = enumeration._member_names_
                missing_names = []
                missing_value = 0
                for name, alias in enumeration._member_map_.items():
                    if name in member_names:
                        continue
                    value = alias.value
                    if value < 0:
                        continue
                    missed = [bit for bit in _bits(value)
                              if bit not in enumeration._value2member_map_]
                    if missed:
                        missing_names.append(name)
                        for bit in missed:
                            missing_value |= bit
                if missing_names:
                    if len(missing_names) == 1:
                        alias = 'alias %s is missing' % missing_names[0]
                    else:
                        alias = 'aliases %s and %s are missing' % (
                            ', '.join(missing_names[:-1]), missing_names[-1])
                    if _is_single_bit(missing_value):
                        value = 'value 0x%x' % missing_value
                    else:
                        value = 'combined values of 0x%x' % missing_value
                    raise ValueError('invalid Flag %r: %s %s [use enum.show_flag_values(value) for details]'
                                     % (cls_name, alias, value))
        return enumeration


def _bits(value):
    bit = 1
    while bit <= value:
        if value & bit:
            yield bit
        bit <<= 1


def global_enum_repr(self):
    return '%s.%s' % (self.__class__.__module__.split('.')[-1], self._name_)


def global_flag_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    if self._name_ is None:
        return '%s.%s(%r)' % (module, self.__class__.__name__, self._value_)
    return '|'.join('%s.%s' % (module, name) for name in self._name_.split('|'))


def global_str(self):
    if self._name_ is None:
        return '%s(%r)' % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: members' repr uses the module name, and they are
    put in the module's namespace."""
    if issubclass(cls, Flag):
        type.__setattr__(cls, '__repr__', global_flag_repr)
    else:
        type.__setattr__(cls, '__repr__', global_enum_repr)
    if not issubclass(cls, ReprEnum) or update_str:
        type.__setattr__(cls, '__str__', global_str)
    module = _sys.modules.get(cls.__module__)
    if module is not None:
        module.__dict__.update(cls.__members__.items())
    return cls
