"""Data classes for krait: the @dataclass decorator writes __init__,
__repr__, __eq__, ordering, hashing and frozen-ness from a class's annotated
fields.  All methods of one class are compiled from a single generated
source text, so a class costs one exec() however many methods it gets.
"""

import builtins as _builtins
import sys as _sys

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Assignment to, or deletion of, a field of a frozen instance."""


class _Sentinel:
    __slots__ = ('_text',)

    def __init__(self, text=None):
        self._text = text

    def __repr__(self):
        if self._text is None:
            return object.__repr__(self)
        return self._text


class _MISSING_TYPE(_Sentinel):
    pass


class _KW_ONLY_TYPE(_Sentinel):
    pass


class _HAS_DEFAULT_FACTORY_CLASS(_Sentinel):
    pass


MISSING = _MISSING_TYPE()
KW_ONLY = _KW_ONLY_TYPE()
# Stands as the __init__ default of a field that has a default_factory.
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS('<factory>')


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


# The three kinds of pseudo-field a class annotation can produce.
_FIELD, _FIELD_CLASSVAR, _FIELD_INITVAR = [
    _FIELD_BASE(kind) for kind in ('_FIELD', '_FIELD_CLASSVAR', '_FIELD_INITVAR')]

_FIELDS, _PARAMS = '__dataclass_fields__', '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'

_mappingproxy = type(type.__dict__)


class _LiveReadOnly:
    """A read-only view of a mapping that is not a dict (krait's
    mappingproxy wraps dicts only)."""

    __slots__ = ('_target',)

    def __init__(self, target):
        self._target = target

    def __getitem__(self, key):
        return self._target[key]

    def __iter__(self):
        return iter(self._target)

    def __len__(self):
        return len(self._target)

    def __contains__(self, key):
        return key in self._target

    def get(self, key, default=None):
        return self._target.get(key, default) if hasattr(self._target, 'get') else (
            self._target[key] if key in self._target else default)

    def keys(self):
        return self._target.keys()

    def items(self):
        return self._target.items()

    def values(self):
        return self._target.values()

    def __repr__(self):
        return f'mappingproxy({self._target!r})'


def _read_only(metadata):
    if isinstance(metadata, dict):
        return _mappingproxy(metadata)
    return _LiveReadOnly(metadata)
_EMPTY_METADATA = _mappingproxy({})
_GenericAlias = type(list[int])

# Builtin containers whose instances are unhashable (krait's builtin types
# do not expose `__hash__ = None` through their __dict__).
_UNHASHABLE = frozenset(t for t in (list, dict, set,
                                    getattr(_builtins, 'bytearray', list)))


class InitVar:
    """An init-only pseudo-field: given to __init__ and __post_init__, never
    stored on the instance."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        inner = self.type
        if isinstance(inner, type) and not hasattr(inner, '__origin__'):
            inner = inner.__name__
        else:
            inner = repr(inner)
        return 'dataclasses.InitVar[' + inner + ']'

    def __class_getitem__(cls, type):
        return cls(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr',
                 'hash', 'init', 'compare', 'metadata', 'kw_only',
                 '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = self.type = self._field_type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash = init, repr, hash
        self.compare, self.kw_only = compare, kw_only
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else _read_only(metadata))

    def __repr__(self):
        shown = ('name', 'type', 'default', 'default_factory', 'init', 'repr',
                 'hash', 'compare', 'metadata', 'kw_only', '_field_type')
        return 'Field(%s)' % ','.join(
            '%s=%r' % (attr, getattr(self, attr)) for attr in shown)

    def __set_name__(self, owner, name):
        # Forward the name to a descriptor used as the default.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(_GenericAlias)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init, self.repr, self.eq = init, repr, eq
        self.order, self.unsafe_hash, self.frozen = order, unsafe_hash, frozen

    def __repr__(self):
        return '_DataclassParams(%s)' % ','.join(
            '%s=%r' % (slot, getattr(self, slot)) for slot in self.__slots__)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a dataclass field beyond its annotation and default."""
    if not (default is MISSING or default_factory is MISSING):
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---------------------------------------------------------------------------
# Recognising ClassVar / InitVar / KW_ONLY annotations, including strings.

def _head_names(text):
    """('mod', 'Name') or (None, 'Name') for the start of an annotation
    string such as ' typing . ClassVar[int]'; None if it starts otherwise."""
    n = len(text)
    pos = 0
    words = []
    while True:
        while pos < n and text[pos].isspace():
            pos += 1
        start = pos
        while pos < n and (text[pos].isalnum() or text[pos] == '_'):
            pos += 1
        if pos == start:
            break
        words.append(text[start:pos])
        if len(words) == 2:
            break
        look = pos
        while look < n and text[look].isspace():
            look += 1
        if look < n and text[look] == '.':
            pos = look + 1
        else:
            break
    if not words:
        return None
    if len(words) == 1:
        return None, words[0]
    return words[0], words[1]


def _string_names(annotation, cls, module, test):
    """Whether a string annotation names what `test` accepts, resolved in
    the namespace of the module defining `cls`."""
    head = _head_names(annotation)
    if head is None:
        return False
    prefix, name = head
    home = _sys.modules.get(cls.__module__)
    if home is None:
        return False
    namespace = home.__dict__
    if prefix is not None and namespace.get(prefix) is not module:
        return False
    return test(namespace.get(name), module)


def _classvar_test(annotation, typing):
    marker = typing.ClassVar
    return annotation is marker or (
        type(annotation) is getattr(typing, '_GenericAlias', None)
        and annotation.__origin__ is marker) or (
        getattr(annotation, '__origin__', None) is marker)


def _initvar_test(annotation, module):
    return annotation is InitVar or type(annotation) is InitVar


def _kw_only_test(annotation, module):
    return annotation is KW_ONLY


def _kind_of(cls, annotation):
    if type(annotation) is type and annotation is not InitVar:
        return _FIELD           # a plain class: the common case
    typing = _sys.modules.get('typing')
    if typing is not None:
        if _classvar_test(annotation, typing) or (
                type(annotation) is str
                and _string_names(annotation, cls, typing, _classvar_test)):
            return _FIELD_CLASSVAR
    if _initvar_test(annotation, None) or (
            type(annotation) is str
            and _string_names(annotation, cls, _sys.modules[__name__],
                              _initvar_test)):
        return _FIELD_INITVAR
    return _FIELD


def _never_hashable(kind):
    for klass in kind.__mro__:
        if klass in _UNHASHABLE:
            return True
        own = klass.__dict__
        if '__hash__' in own:
            return own['__hash__'] is None
    return False


def _make_field(cls, name, annotation, kw_default):
    value = getattr(cls, name, MISSING)
    if isinstance(value, Field):
        spec = value
    else:
        if type(value).__name__ == 'member_descriptor':
            value = MISSING        # a __slots__ entry, not a default
        spec = Field(value, MISSING, True, True, None, True, None, MISSING)
    spec.name = name
    spec.type = annotation
    kind = spec._field_type = _kind_of(cls, annotation)

    if kind is _FIELD_CLASSVAR:
        if spec.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % name)
        if spec.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only'
                            % name)
        return spec
    if kind is _FIELD_INITVAR and spec.default_factory is not MISSING:
        raise TypeError('field %s cannot have a default factory' % name)
    if spec.kw_only is MISSING:
        spec.kw_only = kw_default
    if kind is _FIELD and spec.default is not MISSING \
            and _never_hashable(type(spec.default)):
        raise ValueError('mutable default %r for field %s is not allowed: '
                         'use default_factory' % (type(spec.default), name))
    return spec


# ---------------------------------------------------------------------------
# Source generation.  Every free name a generated method needs is a
# parameter of one enclosing builder function, so it is a fast closure
# variable in the methods.

# Generated builder source -> its code object: classes with the same
# shape (same field names, flags and defaults' slots) compile once.
_compiled = {}


class _Builder:
    def __init__(self, cls):
        self.cls = cls
        self.env = {}
        self.chunks = []
        self.names = []

    def bind(self, key, value):
        self.env[key] = value
        return key

    def method(self, name, params, lines, returns=MISSING):
        head = '  def %s(%s)' % (name, ', '.join(params))
        if returns is not MISSING:
            head += '->' + self.bind('__dc_return__', returns)
        self.chunks.append(head + ':\n' +
                           ''.join('   %s\n' % line for line in lines))
        self.names.append(name)

    def build(self):
        if not self.names:
            return {}
        names = list(self.env)
        source = ('def __create_fn__(%s):\n%s  return (%s,)\n'
                  % (', '.join(names), ''.join(self.chunks),
                     ', '.join(self.names)))
        home = _sys.modules.get(self.cls.__module__)
        scope = home.__dict__ if home is not None else {}
        if '__builtins__' not in scope:
            scope = {'__builtins__': _builtins}
        code = _compiled.get(source)
        if code is None:
            if len(_compiled) >= 256:
                _compiled.clear()
            code = _compiled[source] = compile(source, '<string>', 'exec')
        holder = {}
        exec(code, scope, holder)
        made = holder['__create_fn__'](*[self.env[k] for k in names])
        qual = self.cls.__qualname__
        result = {}
        for name, fn in zip(self.names, made):
            fn.__qualname__ = qual + '.' + name
            result[name] = fn
        return result


def _fields_tuple(owner, chosen):
    if not chosen:
        return '()'
    return '(' + ''.join('%s.%s,' % (owner, f.name) for f in chosen) + ')'


def _add_init(b, all_init, positional, keyword, frozen, post_init, slots):
    # The non-default-after-default check comes before anything is built.
    defaulted = None
    for f in positional:
        has_default = (f.default is not MISSING
                       or f.default_factory is not MISSING)
        if has_default:
            defaulted = f
        elif defaulted is not None:
            raise TypeError('non-default argument %r follows default '
                            'argument' % (f.name,))

    me = '__dataclass_self__' if any(
        f.name == 'self' for f in all_init) else 'self'
    factory_mark = b.bind('__dc_HAS_DEFAULT_FACTORY__', _HAS_DEFAULT_FACTORY)
    if frozen:
        setter = b.bind('__dc_setattr__', object.__setattr__)
        store = lambda name, expr: '%s(%s,%r,%s)' % (setter, me, name, expr)
    else:
        store = lambda name, expr: '%s.%s=%s' % (me, name, expr)

    def param(f):
        text = '%s:%s' % (f.name, b.bind('__dc_type_%s__' % f.name, f.type))
        if f.default is not MISSING:
            text += '=' + b.bind('__dc_dflt_%s__' % f.name, f.default)
        elif f.default_factory is not MISSING:
            text += '=' + factory_mark
        return text

    lines = []
    for f in all_init:
        if f._field_type is _FIELD_INITVAR:
            # Still needs its type (and default) for the signature.
            continue
        name = f.name
        if f.default_factory is not MISSING:
            maker = b.bind('__dc_factory_%s__' % name, f.default_factory)
            if f.init:
                lines.append(store(name, '%s() if %s is %s else %s'
                                   % (maker, name, factory_mark, name)))
            else:
                lines.append(store(name, maker + '()'))
        elif f.init:
            lines.append(store(name, name))
        elif slots and f.default is not MISSING:
            lines.append(store(name, b.bind('__dc_dflt_%s__' % name,
                                            f.default)))
    if post_init:
        lines.append('%s.%s(%s)' % (me, _POST_INIT_NAME, ','.join(
            f.name for f in all_init if f._field_type is _FIELD_INITVAR)))
    params = [me] + [param(f) for f in positional if f.init]
    kw = [param(f) for f in keyword if f.init]
    if kw:
        params += ['*'] + kw
    b.method('__init__', params, lines or ['pass'], returns=None)


def _init_candidates(fields):
    return [f for f in fields if f._field_type is not _FIELD_CLASSVAR]


# Ids of instances whose generated __repr__ is running (to print '...' for
# a reference cycle).
_repr_active = set()


def _add_repr(b, shown):
    pieces = ', '.join('%s={self.%s!r}' % (f.name, f.name) for f in shown)
    b.method('__repr__', ['self'],
             ['return f"{self.__class__.__qualname__}(%s)"' % pieces])


def _guard_repr(plain):
    """Wrap a generated __repr__ so that a cycle prints '...'."""
    def __repr__(self):
        key = id(self)
        if key in _repr_active:
            return '...'
        _repr_active.add(key)
        try:
            return plain(self)
        finally:
            _repr_active.discard(key)
    __repr__.__qualname__ = plain.__qualname__
    return __repr__


def _add_compare(b, name, op, compared):
    b.method(name, ['self', 'other'], [
        'return %s %s %s if other.__class__ is self.__class__ '
        'else NotImplemented' % (_fields_tuple('self', compared), op,
                                 _fields_tuple('other', compared))])


def _add_frozen(b, cls, protected):
    owner = b.bind('__dc_cls__', cls)
    error = b.bind('__dc_FrozenInstanceError__', FrozenInstanceError)
    guard = 'if type(self) is %s' % owner
    if protected:
        guard += ' or name in (%s,)' % ','.join(repr(f.name) for f in protected)
    for name, params, verb, tail in (
            ('__setattr__', ['self', 'name', 'value'], 'assign to',
             '__setattr__(name, value)'),
            ('__delattr__', ['self', 'name'], 'delete', '__delattr__(name)')):
        b.method(name, params, [
            guard + ':',
            ' raise %s(f"cannot %s field {name!r}")' % (error, verb),
            'super(%s, self).%s' % (owner, tail),
        ])


def _annotation_text(value):
    if isinstance(value, str):
        return repr(value)
    if getattr(value, '__module__', None) == 'typing':
        return repr(value).replace('typing.', '')
    if isinstance(value, type) and not isinstance(value, _GenericAlias) \
            and not hasattr(value, '__origin__'):
        if value.__module__ == 'builtins':
            return value.__qualname__
        return value.__module__ + '.' + value.__qualname__
    return repr(value)


def _describe(cls, positional, keyword, generated_init):
    if not generated_init:
        try:
            import inspect
            return cls.__name__ + str(inspect.signature(cls)).replace(
                ' -> None', '')
        except (TypeError, ValueError):
            return cls.__name__

    def one(f):
        text = f.name + ': ' + _annotation_text(f.type)
        if f.default is not MISSING:
            return text + ' = ' + repr(f.default)
        if f.default_factory is not MISSING:
            return text + ' = <factory>'
        return text
    parts = [one(f) for f in positional if f.init]
    named = [one(f) for f in keyword if f.init]
    if named:
        parts.append('*')
        parts.extend(named)
    return '%s(%s)' % (cls.__name__, ', '.join(parts))


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    own_dict = cls.__dict__
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))

    table = {}
    inherits = frozen_parent = False
    for ancestor in reversed(cls.__mro__[1:]):
        inherited = getattr(ancestor, _FIELDS, None)
        if inherited is None:
            continue
        inherits = True
        for f in inherited.values():
            table[f.name] = f
        if getattr(ancestor, _PARAMS).frozen:
            frozen_parent = True

    annotations = own_dict.get('__annotations__', {})
    mine = []
    marker_seen = False
    this_module = _sys.modules[__name__]
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or (
                type(annotation) is str and _string_names(
                    annotation, cls, this_module, _kw_only_test)):
            if marker_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already '
                                'been specified' % (name,))
            marker_seen = kw_only = True
            continue
        mine.append(_make_field(cls, name, annotation, kw_only))

    for f in mine:
        table[f.name] = f
        # Leave the plain default (or nothing) as the class attribute.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in own_dict.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation'
                            % (name,))

    if inherits and frozen_parent != bool(frozen):
        if frozen_parent:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        raise TypeError('cannot inherit frozen dataclass from a '
                        'non-frozen one')

    setattr(cls, _FIELDS, table)

    own_hash = own_dict.get('__hash__', MISSING)
    explicit_hash = own_hash is not MISSING and not (
        own_hash is None and '__eq__' in own_dict)

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    everything = list(table.values())
    real = [f for f in everything if f._field_type is _FIELD]
    initable = _init_candidates(everything)
    positional = [f for f in initable if f.init and not f.kw_only]
    keyword = [f for f in initable if f.init and f.kw_only]

    b = _Builder(cls)
    if init:
        _add_init(b, initable, positional, keyword, frozen,
                  hasattr(cls, _POST_INIT_NAME), slots)
    if repr:
        _add_repr(b, [f for f in real if f.repr])
    compared = [f for f in real if f.compare]
    if eq:
        _add_compare(b, '__eq__', '==', compared)
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')):
            _add_compare(b, name, op, compared)
    if frozen:
        _add_frozen(b, cls, real)
    hashed = [f for f in real if (f.compare if f.hash is None else f.hash)]
    hash_plan = None
    if unsafe_hash:
        if explicit_hash:
            hash_plan = 'clash'
        else:
            hash_plan = 'make'
    elif eq and not explicit_hash:
        hash_plan = 'make' if frozen else 'none'
    if hash_plan == 'make':
        b.method('__hash__', ['self'],
                 ['return hash(%s)' % _fields_tuple('self', hashed)])

    made = b.build()
    for name, fn in made.items():
        if name == '__hash__':
            continue
        if name in own_dict:
            if name in ('__lt__', '__le__', '__gt__', '__ge__'):
                raise TypeError('Cannot overwrite attribute %s in class %s. '
                                'Consider using functools.total_ordering'
                                % (name, cls.__name__))
            if name in ('__setattr__', '__delattr__'):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))
            continue
        if name == '__repr__':
            fn = _guard_repr(fn)
        setattr(cls, name, fn)
    if hash_plan == 'clash':
        raise TypeError('Cannot overwrite attribute __hash__ in class %s'
                        % (cls.__name__,))
    if hash_plan == 'make':
        cls.__hash__ = made['__hash__']
    elif hash_plan == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        ours = made.get('__init__')
        cls.__doc__ = _describe(cls, positional, keyword, ours is not None
                                and cls.__dict__.get('__init__') is ours)

    if match_args and '__match_args__' not in own_dict:
        cls.__match_args__ = tuple(f.name for f in positional)

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)
    return cls


def _frozen_slots_state(names):
    def __getstate__(self):
        return [getattr(self, n) for n in names]

    def __setstate__(self, state):
        for n, v in zip(names, state):
            object.__setattr__(self, n, v)
    return __getstate__, __setstate__


def _with_slots(cls, frozen, weakref_slot):
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    namespace = dict(cls.__dict__)
    names = tuple(f.name for f in fields(cls))
    taken = set()
    for ancestor in cls.__mro__[1:-1]:
        present = ancestor.__dict__.get('__slots__', ())
        taken.update((present,) if isinstance(present, str) else present)
    wanted = names + (('__weakref__',) if weakref_slot else ())
    namespace['__slots__'] = tuple(n for n in wanted if n not in taken)
    for n in names + ('__dict__', '__weakref__'):
        namespace.pop(n, None)
    qual = getattr(cls, '__qualname__', None)
    fresh = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qual is not None:
        fresh.__qualname__ = qual
    if frozen:
        # (A class's own __getstate__/__setstate__ are kept.)
        getstate, setstate = _frozen_slots_state(names)
        if '__getstate__' not in cls.__dict__:
            fresh.__getstate__ = getstate
        if '__setstate__' not in cls.__dict__:
            fresh.__setstate__ = setstate
    return fresh


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Turn a class with annotated fields into a dataclass."""
    flags = (init, repr, eq, order, unsafe_hash, frozen, match_args,
             kw_only, slots, weakref_slot)
    if cls is None:
        return lambda klass: _process_class(klass, *flags)
    return _process_class(cls, *flags)


def fields(class_or_instance):
    """The fields (not ClassVars or InitVars) of a dataclass or instance."""
    try:
        table = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or '
                        'instance') from None
    return tuple([f for f in table.values() if f._field_type is _FIELD])


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    return hasattr(obj if isinstance(obj, type) else type(obj), _FIELDS)


# Types whose values deepcopy hands back unchanged.
_KEEP_AS_IS = frozenset([type(None), bool, int, float, str, bytes, type,
                         range, type(Ellipsis), type(NotImplemented),
                         frozenset, type(len), type(_is_dataclass_instance),
                         getattr(_builtins, 'complex', int)])


def _converter(outer_factory, for_dict):
    """A recursive converter for asdict (for_dict) or astuple."""
    def convert(value):
        kind = type(value)
        if kind in _KEEP_AS_IS:
            return value
        if hasattr(kind, _FIELDS):
            if for_dict:
                return outer_factory([
                    (f.name, convert(getattr(value, f.name)))
                    for f in fields(value)])
            return outer_factory([convert(getattr(value, f.name))
                                  for f in fields(value)])
        if isinstance(value, (list, tuple)):
            if isinstance(value, tuple) and hasattr(value, '_fields'):
                return kind(*[convert(item) for item in value])
            return kind(convert(item) for item in value)
        if isinstance(value, dict):
            return kind((convert(k), convert(v)) for k, v in value.items())
        import copy
        return copy.deepcopy(value)
    return convert


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance's fields as a dict, converting nested
    dataclasses, lists, tuples and dicts too."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _converter(dict_factory, True)(obj)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance's field values as a tuple, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _converter(tuple_factory, False)(obj)


_KEYWORDS = frozenset(
    'False None True and as assert async await break class continue def '
    'del elif else except finally for from global if import in is lambda '
    'nonlocal not or pass raise return try while with yield'.split())


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Build a dataclass called cls_name from `fields`: names,
    (name, type) pairs or (name, type, Field) triples."""
    body = {} if namespace is None else dict(namespace)
    declared = {}
    for entry in fields:
        if isinstance(entry, str):
            label, kind = entry, 'typing.Any'
        elif len(entry) == 2 or len(entry) == 3:
            label, kind = entry[0], entry[1]
            if len(entry) == 3:
                body[label] = entry[2]
        else:
            raise TypeError(f'Invalid field: {entry!r}')
        if not (isinstance(label, str) and label.isidentifier()):
            raise TypeError(f'Field names must be valid identifiers: {label!r}')
        if label in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {label!r}')
        if label in declared:
            raise TypeError(f'Field name duplicated: {label!r}')
        declared[label] = kind
    body['__annotations__'] = declared
    # CPython builds the class through types.new_class.
    body.setdefault('__module__', 'types')
    meta = type
    for base in bases:
        candidate = type(base)
        if issubclass(candidate, meta):
            meta = candidate
    made = meta(cls_name, tuple(bases), body)
    return dataclass(made, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A copy of a dataclass instance with some fields given new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        kind = f._field_type
        if kind is _FIELD_CLASSVAR:
            continue
        name = f.name
        if not f.init:
            if name in changes:
                raise ValueError(f'field {name} is declared with init=False, '
                                 'it cannot be specified with replace()')
        elif name not in changes:
            if kind is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f'InitVar {name!r} must be specified with '
                                 'replace()')
            changes[name] = getattr(obj, name)
    return obj.__class__(**changes)
