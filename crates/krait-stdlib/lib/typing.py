"""Names for type hints: special forms (Union, Optional, Literal, ...),
generic aliases of the builtin containers (List, Dict, ...), TypeVar,
Generic, Protocol, NamedTuple, TypedDict and the runtime helpers
(CPython 3.11's `typing`, written for krait).

krait does not honour `__mro_entries__` yet, so everything that may appear
among a class's bases (`Generic[T]`, `List[int]`, `NamedTuple`,
`TypedDict`, `Protocol[T]`) is itself a class: a subscripted alias is a
class made by `_AliasMeta`, whose `__new__` does the `__mro_entries__`
substitution when a user class names it as a base.
"""

import sys as _sys
import types as _types
from _collections import _tuplegetter

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union',
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping',
    'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
    'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator',
    'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt',
    'SupportsRound', 'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict',
    'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict',
    'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO', 'AnyStr',
    'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString',
    'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False

_NoneType = type(None)
_FunctionType = type(lambda: None)


def _caller_module(depth=2):
    getframe = getattr(_sys, '_getframe', None)
    if getframe is None:
        # krait has no sys._getframe: assume the main program is the caller.
        return '__main__'
    try:
        return getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


def _type_repr(obj):
    """How an argument shows inside an alias's brackets."""
    if isinstance(obj, type) and not _is_alias(obj):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    if isinstance(obj, (list, tuple)) and not _is_alias(obj):
        return '[%s]' % ', '.join(_type_repr(item) for item in obj)
    return repr(obj)


def _type_check(arg, message):
    """Accept what may stand in a type hint: None becomes NoneType, a
    string a ForwardRef."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _is_alias(obj):
    return isinstance(obj, _AliasMeta) and obj.__dict__.get('_typing_alias_', False)


def _collect_parameters(args):
    parameters = []
    for arg in args:
        if isinstance(arg, (TypeVar, ParamSpec, TypeVarTuple)):
            if arg not in parameters:
                parameters.append(arg)
        else:
            for parameter in getattr(arg, '__parameters__', ()) if _is_alias(arg) else ():
                if parameter not in parameters:
                    parameters.append(parameter)
            if isinstance(arg, (list, tuple)):
                for parameter in _collect_parameters(arg):
                    if parameter not in parameters:
                        parameters.append(parameter)
    return tuple(parameters)


def _substitute(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec, TypeVarTuple)):
        return mapping.get(arg, arg)
    if _is_alias(arg) and arg.__parameters__:
        return arg[tuple(mapping.get(p, p) for p in arg.__parameters__)]
    if isinstance(arg, list):
        return [_substitute(item, mapping) for item in arg]
    return arg


_alias_cache = {}


def _nominal_subclass(cls, subclass):
    # type.__subclasscheck__ without metaclass hooks (krait's type has no
    # __instancecheck__/__subclasscheck__ attributes to call).
    if not isinstance(subclass, type):
        raise TypeError('issubclass() arg 1 must be a class')
    return cls in subclass.__mro__


def _nominal_instance(cls, instance):
    return cls in type(instance).__mro__


class _AliasMeta(type):
    """The metaclass of subscripted (and special) aliases.  An alias is a
    class only so krait accepts it among a class statement's bases."""

    def __new__(mcls, name, bases, namespace, **kwds):
        if namespace.get('_typing_alias_', False):
            return super().__new__(mcls, name, bases, namespace)
        # A user class naming aliases among its bases: what
        # __mro_entries__ would do.
        resolved = []
        for index, base in enumerate(bases):
            if _is_alias(base):
                for entry in base._mro_entries_(bases[index + 1:], resolved):
                    if entry not in resolved:
                        resolved.append(entry)
            elif base not in resolved:
                resolved.append(base)
        namespace = dict(namespace)
        if tuple(resolved) != tuple(bases):
            namespace['__orig_bases__'] = tuple(bases)
        winner = type
        for base in resolved:
            base_meta = type(base)
            if issubclass(base_meta, winner):
                winner = base_meta
        if winner is mcls or (issubclass(mcls, winner) and mcls is not _AliasMeta):
            return super().__new__(mcls, name, tuple(resolved) or (object,), namespace, **kwds)
        return winner(name, tuple(resolved) or (object,), namespace, **kwds)

    def __init__(cls, *args, **kwds):
        pass

    def __repr__(cls):
        if not _is_alias(cls):
            return super().__repr__()
        return cls._alias_repr_()

    def __getitem__(cls, params):
        if not _is_alias(cls):
            return cls.__class_getitem__(params)
        return cls._alias_getitem_(params)

    def __call__(cls, *args, **kwargs):
        if not _is_alias(cls):
            return super().__call__(*args, **kwargs)
        return cls._alias_call_(*args, **kwargs)

    def __instancecheck__(cls, instance):
        if not _is_alias(cls):
            return _nominal_instance(cls, instance)
        return cls._alias_instancecheck_(instance)

    def __subclasscheck__(cls, subclass):
        if not _is_alias(cls):
            return _nominal_subclass(cls, subclass)
        return cls._alias_subclasscheck_(subclass)

    def __eq__(cls, other):
        if isinstance(other, _types.UnionType) and _is_alias(cls):
            # `Union[int, str] == int | str`: the same set of arguments.
            return cls._alias_key_() == (Union, frozenset(_hashable_args(other.__args__)))
        if not _is_alias(cls) or not _is_alias(other):
            return cls is other
        return cls._alias_key_() == other._alias_key_()

    def __hash__(cls):
        if not _is_alias(cls):
            return id(cls) >> 4
        try:
            return hash(cls._alias_key_())
        except TypeError:
            return id(cls) >> 4

    def __or__(cls, other):
        return Union[cls, other]

    def __ror__(cls, other):
        return Union[other, cls]

    def __getattr__(cls, name):
        # Like CPython's aliases: other attributes come from the origin.
        namespace = type.__getattribute__(cls, '__dict__')
        if namespace.get('_typing_alias_', False) and not (
                name.startswith('__') and name.endswith('__')):
            origin = namespace.get('__origin__')
            if origin is not None:
                return getattr(origin, name)
        raise AttributeError('%r object has no attribute %r'
                             % (type(cls).__name__, name))


class _AliasBase:
    """Behaviour shared by every alias class (looked up on the alias
    itself, as a class attribute)."""

    _typing_alias_ = False

    @classmethod
    def _alias_key_(cls):
        return (cls.__origin__, cls.__args__)

    @classmethod
    def _mro_entries_(cls, later_bases, resolved):
        origin = cls.__origin__
        entries = []
        if isinstance(origin, type) and not _is_alias(origin):
            entries.append(origin)
        # As CPython: Generic comes last unless a later base brings it.
        if not any(_is_alias(b) or (isinstance(b, type) and issubclass(b, Generic))
                   for b in later_bases):
            entries.append(Generic)
        return tuple(entries)

    @classmethod
    def _alias_call_(cls, *args, **kwargs):
        name = cls.__dict__.get('_name') or getattr(cls.__origin__, '__name__', 'alias')
        if not cls._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (name, cls.__origin__.__name__))
        result = cls.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = cls
        except Exception:
            pass
        return result

    @classmethod
    def _alias_instancecheck_(cls, instance):
        raise TypeError('Subscripted generics cannot be used with class and '
                        'instance checks')

    @classmethod
    def _alias_subclasscheck_(cls, subclass):
        raise TypeError('Subscripted generics cannot be used with class and '
                        'instance checks')

    @classmethod
    def _alias_repr_(cls):
        name = cls.__dict__.get('_name')
        if name:
            prefix = 'typing.' + name
        else:
            prefix = _type_repr(cls.__origin__)
        if cls.__args__:
            args = ', '.join(_type_repr(arg) for arg in cls.__args__)
        else:
            args = '()'
        return '%s[%s]' % (prefix, args)

    @classmethod
    def _alias_getitem_(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        parameters = cls.__parameters__
        if not parameters:
            raise TypeError('%r is not a generic class' % (cls,))
        if len(params) != len(parameters):
            raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                            % ('many' if len(params) > len(parameters) else 'few',
                               cls, len(params), len(parameters)))
        mapping = dict(zip(parameters, params))
        new_args = tuple(_substitute(arg, mapping) for arg in cls.__args__)
        return cls._copy_with_(new_args)

    @classmethod
    def _copy_with_(cls, args):
        return _make_alias(cls.__origin__, args, name=cls.__dict__.get('_name'),
                           inst=cls._inst, flavour=cls.__dict__.get('_flavour_', _GenericAlias))


def _make_alias(origin, args, *, name=None, inst=True, flavour=None,
                extra=None):
    """A (cached) alias class for origin[args]."""
    if flavour is None:
        flavour = _GenericAlias
    if not isinstance(args, tuple):
        args = (args,)
    # The arguments' types are part of the key: Literal[1] is not
    # Literal[True].
    key = (flavour, origin, args, tuple(type(arg) for arg in args), name,
           tuple(sorted(extra.items())) if extra else ())
    try:
        return _alias_cache[key]
    except (KeyError, TypeError):
        pass
    namespace = {
        '_typing_alias_': True,
        '_flavour_': flavour,
        '__origin__': origin,
        '__args__': args,
        '__parameters__': _collect_parameters(args),
        '_name': name,
        '_inst': inst,
        '__module__': 'typing',
    }
    if extra:
        namespace.update(extra)
    alias = _AliasMeta.__new__(_AliasMeta, name or getattr(origin, '__name__', 'alias'),
                               (flavour,), namespace)
    try:
        _alias_cache[key] = alias
    except TypeError:
        pass
    return alias


class _GenericAlias(_AliasBase):
    """origin[args] for a class, a special alias or a special form."""


class _UnionGenericAlias(_AliasBase):
    """Union[...] (and Optional[...])."""

    @classmethod
    def _alias_repr_(cls):
        args = cls.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[0] if args[1] is _NoneType else args[1]
            return 'typing.Optional[%s]' % _type_repr(other)
        return 'typing.Union[%s]' % ', '.join(_type_repr(arg) for arg in args)

    @classmethod
    def _alias_key_(cls):
        return (Union, frozenset(_hashable_args(cls.__args__)))

    @classmethod
    def _alias_instancecheck_(cls, instance):
        return cls._alias_subclasscheck_(type(instance))

    @classmethod
    def _alias_subclasscheck_(cls, subclass):
        for arg in cls.__args__:
            if issubclass(subclass, arg):
                return True
        return False

    @classmethod
    def _copy_with_(cls, args):
        return Union[args]


def _hashable_args(args):
    result = []
    for arg in args:
        try:
            hash(arg)
            result.append(arg)
        except TypeError:
            result.append(repr(arg))
    return result


class _CallableGenericAlias(_AliasBase):
    """Callable[[args], result]."""

    @classmethod
    def _alias_repr_(cls):
        args = cls.__args__
        if len(args) == 2 and args[0] is ...:
            return 'typing.Callable[..., %s]' % _type_repr(args[1])
        if len(args) == 2 and _is_alias(args[0]) and args[0].__origin__ is Concatenate:
            return 'typing.Callable[%s, %s]' % (_type_repr(args[0]), _type_repr(args[1]))
        if len(args) == 2 and isinstance(args[0], ParamSpec):
            return 'typing.Callable[%s, %s]' % (_type_repr(args[0]), _type_repr(args[1]))
        return 'typing.Callable[[%s], %s]' % (
            ', '.join(_type_repr(arg) for arg in args[:-1]), _type_repr(args[-1]))

    @classmethod
    def _copy_with_(cls, args):
        return _make_alias(cls.__origin__, args, name='Callable',
                           flavour=_CallableGenericAlias)


class _LiteralGenericAlias(_AliasBase):
    """Literal[values]: equal when the values (and their types) are."""

    @classmethod
    def _alias_key_(cls):
        return (Literal, frozenset((type(v), v) for v in _hashable_args(cls.__args__)))

    @classmethod
    def _alias_repr_(cls):
        return 'typing.Literal[%s]' % ', '.join(repr(arg) for arg in cls.__args__)


class _AnnotatedAlias(_AliasBase):
    """Annotated[type, metadata...]: the origin is the annotated type."""

    @classmethod
    def _alias_repr_(cls):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(cls.__origin__),
            ', '.join(repr(item) for item in cls.__metadata__))

    @classmethod
    def _alias_key_(cls):
        return (cls.__origin__, cls.__metadata__)

    @classmethod
    def _alias_call_(cls, *args, **kwargs):
        result = cls.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = cls
        except Exception:
            pass
        return result

    @classmethod
    def _mro_entries_(cls, later_bases, resolved):
        return (cls.__origin__,)


class _ConcatenateAlias(_AliasBase):
    @classmethod
    def _alias_repr_(cls):
        return 'typing.Concatenate[%s]' % ', '.join(_type_repr(a) for a in cls.__args__)


class _SpecialGenericAlias(_AliasBase):
    """An unsubscripted alias such as List: names a class, takes a fixed
    number of parameters."""

    @classmethod
    def _alias_repr_(cls):
        return 'typing.' + cls._name

    @classmethod
    def _alias_key_(cls):
        return (cls.__origin__, cls._name)

    @classmethod
    def _alias_getitem_(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, 'Parameters to generic types must be types.')
                       for p in params)
        count = cls._nparams
        if count >= 0 and len(params) != count:
            raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                            % ('many' if len(params) > count else 'few', cls,
                               len(params), count))
        return _make_alias(cls.__origin__, params, name=cls._name,
                           inst=cls._inst)

    @classmethod
    def _alias_instancecheck_(cls, instance):
        return isinstance(instance, cls.__origin__)

    @classmethod
    def _alias_subclasscheck_(cls, subclass):
        if _is_alias(subclass):
            return issubclass(subclass.__origin__, cls.__origin__)
        return issubclass(subclass, cls.__origin__)

    @classmethod
    def _alias_call_(cls, *args, **kwargs):
        if not cls._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (cls._name, cls.__origin__.__name__.lower()))
        return cls.__origin__(*args, **kwargs)



class _TupleSpecialAlias(_SpecialGenericAlias):
    @classmethod
    def _alias_getitem_(cls, params):
        if params == ():
            return _make_alias(tuple, (), name='Tuple', inst=False)
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            return _make_alias(tuple, tuple(_type_check(p, '') for p in params[:-1]) + (...,),
                               name='Tuple', inst=False)
        return _make_alias(tuple, tuple(_type_check(p, '') for p in params),
                           name='Tuple', inst=False)


class _CallableSpecialAlias(_SpecialGenericAlias):
    @classmethod
    def _alias_getitem_(cls, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = tuple(_type_check(arg, '') for arg in args) + (_type_check(result, ''),)
        else:
            params = (args, _type_check(result, ''))
        return _make_alias(cls.__origin__, params, name='Callable',
                           flavour=_CallableGenericAlias)

    @classmethod
    def _alias_instancecheck_(cls, instance):
        return callable(instance)

    @classmethod
    def _alias_subclasscheck_(cls, subclass):
        return hasattr(subclass, '__call__')


def _special_alias(origin, nparams, name, *, inst=True, flavour=None):
    return _make_alias(origin, (), name=name, inst=inst,
                       flavour=flavour or _SpecialGenericAlias,
                       extra={'_nparams': nparams})


class _SpecialForm:
    """A name such as Union or ClassVar: subscripted, never instantiated."""

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """The function never returns."""
    raise TypeError('%r is not subscriptable' % (self,))


@_SpecialForm
def Never(self, parameters):
    """The bottom type: no value has it."""
    raise TypeError('%r is not subscriptable' % (self,))


@_SpecialForm
def Self(self, parameters):
    """The class of the enclosing class's instance."""
    raise TypeError('%r is not subscriptable' % (self,))


@_SpecialForm
def LiteralString(self, parameters):
    """Any literal string."""
    raise TypeError('%r is not subscriptable' % (self,))


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an assignment as a type alias."""
    raise TypeError('%r is not subscriptable' % (self,))


def _single_form(form_name):
    def getitem(self, parameters):
        if isinstance(parameters, tuple) and len(parameters) != 1:
            raise TypeError('%s accepts only single type.' % (self,))
        if isinstance(parameters, tuple):
            parameters = parameters[0]
        item = _type_check(parameters, '')
        return _make_alias(self, (item,), name=form_name)
    getitem.__name__ = form_name
    return getitem


ClassVar = _SpecialForm(_single_form('ClassVar'))
Final = _SpecialForm(_single_form('Final'))
TypeGuard = _SpecialForm(_single_form('TypeGuard'))
Required = _SpecialForm(_single_form('Required'))
NotRequired = _SpecialForm(_single_form('NotRequired'))
Unpack = _SpecialForm(_single_form('Unpack'))


def _flatten_union(parameters):
    flat = []
    for parameter in parameters:
        if _is_alias(parameter) and parameter.__dict__.get('_flavour_') is _UnionGenericAlias:
            flat.extend(parameter.__args__)
        elif type(parameter).__name__ == 'UnionType':
            flat.extend(parameter.__args__)
        else:
            flat.append(parameter)
    unique = []
    for parameter in flat:
        if not any(_same_type(parameter, seen) for seen in unique):
            unique.append(parameter)
    return tuple(unique)


def _same_type(first, second):
    if first is second:
        return True
    if _is_alias(first) and _is_alias(second):
        return first == second
    return False


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y]: either X or Y."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p, 'Union[arg, ...]: each arg must be a type.')
                       for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    return _make_alias(Union, parameters, flavour=_UnionGenericAlias)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    if isinstance(parameters, tuple) and len(parameters) != 1:
        raise TypeError('typing.Optional requires a single type.')
    if isinstance(parameters, tuple):
        parameters = parameters[0]
    return Union[parameters, None]


@_SpecialForm
def Literal(self, parameters):
    """Literal[values]: exactly one of these values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for parameter in parameters:
        if _is_alias(parameter) and parameter.__dict__.get('_flavour_') is _LiteralGenericAlias:
            flat.extend(parameter.__args__)
        else:
            flat.append(parameter)
    unique = []
    for parameter in flat:
        if not any(type(parameter) is type(seen) and parameter == seen for seen in unique):
            unique.append(parameter)
    return _make_alias(self, tuple(unique), flavour=_LiteralGenericAlias)


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[X, P]: X's parameters then ParamSpec P's."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not isinstance(parameters[-1], ParamSpec):
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable.')
    return _make_alias(self, parameters, flavour=_ConcatenateAlias)


class Annotated:
    """Annotated[T, x]: type T carrying metadata x."""

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two '
                            'arguments (a type and an annotation).')
        origin = _type_check(params[0], '')
        metadata = tuple(params[1:])
        if _is_alias(origin) and origin.__dict__.get('_flavour_') is _AnnotatedAlias:
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        return _make_alias(origin, (origin,), flavour=_AnnotatedAlias,
                           extra={'__metadata__': metadata})


class ForwardRef:
    """A type hint written as a string, evaluated later."""

    __slots__ = ('__forward_arg__', '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__',
                 '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        value = eval(self.__forward_arg__, globalns, localns)
        return _evaluate_hint(_type_check(value, ''), globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


class _TypeVarLike:
    """What TypeVar, ParamSpec and TypeVarTuple share."""

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if getattr(self, '__covariant__', False):
            prefix = '+'
        elif getattr(self, '__contravariant__', False):
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __reduce__(self):
        return self.__name__


class TypeVar(_TypeVarLike):
    """A type variable: T = TypeVar('T'), optionally constrained or
    bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(_type_check(t, '') for t in constraints)
        self.__bound__ = _type_check(bound, '') if bound is not None else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module


class TypeVarTuple(_TypeVarLike):
    """A variadic type variable: Ts = TypeVarTuple('Ts')."""

    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


class ParamSpecArgs:
    """P.args of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % (self.__origin__.__name__,)

    def __eq__(self, other):
        return isinstance(other, ParamSpecArgs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, self.__origin__.__name__))


class ParamSpecKwargs:
    """P.kwargs of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % (self.__origin__.__name__,)

    def __eq__(self, other):
        return isinstance(other, ParamSpecKwargs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, self.__origin__.__name__))


class ParamSpec(_TypeVarLike):
    """A parameter specification variable: P = ParamSpec('P')."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_check(bound, '') if bound is not None else None

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)


AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
Text = str


class Generic:
    """Base class of generic classes: class Box(Generic[T])."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params and cls is not Tuple:
            raise TypeError('Parameter list to %s[...] cannot be empty'
                            % (cls.__qualname__,))
        params = tuple(_type_check(p, '') for p in params)
        if cls in (Generic, Protocol):
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) for p in params):
                raise TypeError('Parameters to %s[...] must all be type '
                                'variables or parameter specification variables.'
                                % (cls.__name__,))
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique'
                                % (cls.__name__,))
        else:
            parameters = cls.__dict__.get('__parameters__', ())
            if not parameters:
                raise TypeError('%r is not a generic class' % (cls,))
            if len(params) != len(parameters):
                raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                                % ('many' if len(params) > len(parameters) else 'few',
                                   cls, len(params), len(parameters)))
        return _make_alias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig_bases = cls.__dict__.get('__orig_bases__', ())
        type_vars = []
        generic_params = None
        for base in orig_bases:
            if _is_alias(base) and base.__origin__ in (Generic, Protocol):
                if generic_params is not None and base.__origin__ is Generic:
                    raise TypeError('Cannot inherit from Generic[...] multiple types.')
                generic_params = base.__parameters__
        for base in orig_bases:
            if _is_alias(base):
                for parameter in base.__parameters__:
                    if parameter not in type_vars:
                        type_vars.append(parameter)
        if generic_params is not None:
            missing = [v for v in type_vars if v not in generic_params]
            if missing:
                raise TypeError('Some type variables (%s) are not listed in '
                                'Generic[%s]' % (', '.join(str(v) for v in missing),
                                                 ', '.join(str(g) for g in generic_params)))
            type_vars = list(generic_params)
        cls.__parameters__ = tuple(type_vars)


# The abstract collection types: classes that answer isinstance() by the
# methods an object has, or by being one of the builtin types CPython
# registers with them (collections.abc is not available to build on).
class _AbstractMeta(type):
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in getattr(subclass, '__mro__', ()):
            return True
        for registered in cls._registered:
            if issubclass(subclass, registered):
                return True
        # Structural checks belong to the abstract classes themselves, not
        # to user classes deriving from them.
        if '_methods' in cls.__dict__ and cls._methods and not cls._nominal:
            return all(_has_method(subclass, name) for name in cls._methods)
        return False

    def register(cls, subclass):
        cls._registered = cls._registered + (subclass,)
        return subclass


def _has_method(cls, name):
    """Whether instances of cls have method `name` (None counts as absent,
    as `__hash__ = None` does)."""
    for base in cls.__mro__:
        if name in base.__dict__:
            return base.__dict__[name] is not None
        if base is object:
            return name in _OBJECT_METHODS
        if base.__module__ == 'builtins':
            # krait's builtin types keep their dunders out of __dict__ and
            # answer hasattr() for dunders they lack, so they are looked up
            # in a table.
            if name in _BUILTIN_METHODS:
                return base in _BUILTIN_METHODS[name]
            if name.startswith('__') and name.endswith('__'):
                continue
            return hasattr(base, name)
    return False


_OBJECT_METHODS = frozenset((
    '__class__', '__delattr__', '__dir__', '__doc__', '__eq__', '__format__',
    '__ge__', '__getattribute__', '__gt__', '__hash__', '__init__',
    '__init_subclass__', '__le__', '__lt__', '__ne__', '__new__',
    '__reduce__', '__reduce_ex__', '__repr__', '__setattr__', '__sizeof__',
    '__str__', '__subclasshook__'))


def _builtin_method_table():
    def kinds(*values):
        return tuple(type(value) for value in values)

    def gen():
        yield

    views = kinds({}.keys(), {}.values(), {}.items())
    iterators = kinds(iter([]), iter(()), iter(''), iter(b''), iter({}),
                      iter(set()), iter(range(0)), reversed([]), gen(),
                      iter({}.values()), iter({}.items()), zip(), map(len, []),
                      filter(None, []), enumerate([]))
    sized = (list, tuple, str, bytes, dict, set, frozenset, range) + views
    numbers = (int, float, bool)
    return {
        '__iter__': sized + iterators,
        '__next__': iterators,
        '__len__': sized,
        '__contains__': sized,
        '__getitem__': (list, tuple, str, bytes, dict, range),
        '__reversed__': (list, dict, range) + views[:1] + views[2:],
        '__hash__': (int, float, bool, str, bytes, tuple, frozenset, range,
                     type, type(None)) + iterators,
        '__int__': numbers,
        '__float__': numbers,
        '__index__': (int, bool),
        '__abs__': numbers,
        '__round__': numbers,
        '__bytes__': (bytes,),
        '__complex__': (),
        '__call__': (type, type(len), type(lambda: None)),
        'send': kinds(gen()),
        'throw': kinds(gen()),
        'close': kinds(gen()),
    }


_BUILTIN_METHODS = _builtin_method_table()


def _abstract(name, methods=(), registered=(), nominal=False, bases=(),
              mixins=None):
    namespace = {'_methods': tuple(methods), '_registered': tuple(registered),
                 '_nominal': nominal, '__module__': 'collections.abc',
                 '__slots__': ()}
    if mixins:
        namespace.update(mixins)
    return _AbstractMeta(name, bases or (object,), namespace)


# Methods the abstract collections give their subclasses, written in terms
# of the abstract ones (__getitem__, __len__, __iter__, ...).
def _iterator_iter(self):
    return self


def _mapping_get(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        return default


def _mapping_contains(self, key):
    try:
        self[key]
    except KeyError:
        return False
    return True


def _mapping_keys(self):
    return list(self)


def _mapping_items(self):
    return [(key, self[key]) for key in self]


def _mapping_values(self):
    return [self[key] for key in self]


def _mapping_eq(self, other):
    if not isinstance(other, _Mapping):
        return NotImplemented
    return dict(self.items()) == dict(other.items())


_mapping_missing = object()


def _mutable_mapping_pop(self, key, default=_mapping_missing):
    try:
        value = self[key]
    except KeyError:
        if default is _mapping_missing:
            raise
        return default
    del self[key]
    return value


def _mutable_mapping_popitem(self):
    try:
        key = next(iter(self))
    except StopIteration:
        raise KeyError from None
    value = self[key]
    del self[key]
    return key, value


def _mutable_mapping_clear(self):
    for key in list(self):
        del self[key]


def _mutable_mapping_update(self, other=(), /, **kwds):
    if hasattr(other, 'keys'):
        for key in other.keys():
            self[key] = other[key]
    else:
        for key, value in other:
            self[key] = value
    for key, value in kwds.items():
        self[key] = value


def _mutable_mapping_setdefault(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        self[key] = default
    return default


def _sequence_iter(self):
    index = 0
    try:
        while True:
            yield self[index]
            index += 1
    except IndexError:
        return


def _sequence_contains(self, value):
    for item in self:
        if item is value or item == value:
            return True
    return False


def _sequence_reversed(self):
    for index in reversed(range(len(self))):
        yield self[index]


def _sequence_index(self, value, start=0, stop=None):
    if start is not None and start < 0:
        start = max(len(self) + start, 0)
    if stop is not None and stop < 0:
        stop += len(self)
    index = start
    while stop is None or index < stop:
        try:
            item = self[index]
        except IndexError:
            break
        if item is value or item == value:
            return index
        index += 1
    raise ValueError


def _sequence_count(self, value):
    return sum(1 for item in self if item is value or item == value)


def _mutable_sequence_append(self, value):
    self.insert(len(self), value)


def _mutable_sequence_extend(self, values):
    if values is self:
        values = list(values)
    for value in values:
        self.append(value)


def _mutable_sequence_pop(self, index=-1):
    value = self[index]
    del self[index]
    return value


def _mutable_sequence_remove(self, value):
    del self[self.index(value)]


def _mutable_sequence_reverse(self):
    size = len(self)
    for index in range(size // 2):
        self[index], self[size - index - 1] = self[size - index - 1], self[index]


def _mutable_sequence_iadd(self, values):
    self.extend(values)
    return self


def _mutable_sequence_clear(self):
    try:
        while True:
            self.pop()
    except IndexError:
        pass


def _types_of(*values):
    return tuple(type(value) for value in values)


_dict_views = _types_of({}.keys(), {}.values(), {}.items())
_Hashable = _abstract('Hashable', ('__hash__',))
_Sized = _abstract('Sized', ('__len__',))
_Container = _abstract('Container', ('__contains__',))
_Iterable = _abstract('Iterable', ('__iter__',))
_Iterator = _abstract('Iterator', ('__iter__', '__next__'), bases=(_Iterable,),
                      mixins={'__iter__': _iterator_iter})
_Reversible = _abstract('Reversible', ('__reversed__', '__iter__'),
                        (list, tuple, str, range, bytes), bases=(_Iterable,))
_Collection = _abstract('Collection', ('__len__', '__iter__', '__contains__'),
                        bases=(_Sized, _Iterable, _Container))
_Callable = _abstract('Callable', ('__call__',))
_Generator = _abstract('Generator', ('__iter__', '__next__', 'send', 'throw', 'close'),
                       bases=(_Iterator,))
_Awaitable = _abstract('Awaitable', ('__await__',))
_Coroutine = _abstract('Coroutine', ('__await__', 'send', 'throw', 'close'),
                       bases=(_Awaitable,))
_AsyncIterable = _abstract('AsyncIterable', ('__aiter__',))
_AsyncIterator = _abstract('AsyncIterator', ('__aiter__', '__anext__'),
                           bases=(_AsyncIterable,))
_AsyncGenerator = _abstract('AsyncGenerator', ('__aiter__', '__anext__', 'asend',
                                               'athrow', 'aclose'),
                            bases=(_AsyncIterator,))
_Sequence = _abstract('Sequence', ('__getitem__', '__len__'),
                      (list, tuple, str, range, bytes), nominal=True,
                      bases=(_Reversible, _Collection),
                      mixins={'__iter__': _sequence_iter,
                              '__contains__': _sequence_contains,
                              '__reversed__': _sequence_reversed,
                              'index': _sequence_index, 'count': _sequence_count})
_MutableSequence = _abstract('MutableSequence', (), (list,), nominal=True,
                             bases=(_Sequence,),
                             mixins={'append': _mutable_sequence_append,
                                     'extend': _mutable_sequence_extend,
                                     'pop': _mutable_sequence_pop,
                                     'remove': _mutable_sequence_remove,
                                     'reverse': _mutable_sequence_reverse,
                                     '__iadd__': _mutable_sequence_iadd,
                                     'clear': _mutable_sequence_clear})
_ByteString = _abstract('ByteString', (), (bytes,), nominal=True, bases=(_Sequence,))
_AbstractSet = _abstract('Set', (), (set, frozenset) + _dict_views[:1] + _dict_views[2:],
                         nominal=True, bases=(_Collection,))
_MutableSet = _abstract('MutableSet', (), (set,), nominal=True, bases=(_AbstractSet,))
_Mapping = _abstract('Mapping', (), (dict,), nominal=True, bases=(_Collection,),
                     mixins={'get': _mapping_get, '__contains__': _mapping_contains,
                             'keys': _mapping_keys, 'items': _mapping_items,
                             'values': _mapping_values, '__eq__': _mapping_eq,
                             '__hash__': None})
_MutableMapping = _abstract('MutableMapping', (), (dict,), nominal=True, bases=(_Mapping,),
                            mixins={'pop': _mutable_mapping_pop,
                                    'popitem': _mutable_mapping_popitem,
                                    'clear': _mutable_mapping_clear,
                                    'update': _mutable_mapping_update,
                                    'setdefault': _mutable_mapping_setdefault})
_MappingView = _abstract('MappingView', (), _dict_views, nominal=True, bases=(_Sized,))
_KeysView = _abstract('KeysView', (), _dict_views[:1], nominal=True,
                      bases=(_MappingView, _AbstractSet))
_ItemsView = _abstract('ItemsView', (), _dict_views[2:], nominal=True,
                       bases=(_MappingView, _AbstractSet))
_ValuesView = _abstract('ValuesView', (), _dict_views[1:2], nominal=True,
                        bases=(_MappingView, _Collection))
_ContextManager = _abstract('AbstractContextManager', ('__enter__', '__exit__'))
_AsyncContextManager = _abstract('AbstractAsyncContextManager',
                                 ('__aenter__', '__aexit__'))


def _library_class(module_name, class_name, fallback):
    """A class of a module that may not exist in krait yet."""
    module = _sys.modules.get(module_name)
    if module is None:
        try:
            module = __import__(module_name)
        except Exception:
            # Missing, or not working yet: typing must import regardless.
            return fallback
    return getattr(module, class_name, fallback)


def _placeholder(name, module, base=object):
    return type(name, (base,), {'__module__': module})


Hashable = _special_alias(_Hashable, 0, 'Hashable')
Sized = _special_alias(_Sized, 0, 'Sized')
Container = _special_alias(_Container, 1, 'Container')
Iterable = _special_alias(_Iterable, 1, 'Iterable')
Iterator = _special_alias(_Iterator, 1, 'Iterator')
Reversible = _special_alias(_Reversible, 1, 'Reversible')
Collection = _special_alias(_Collection, 1, 'Collection')
Callable = _special_alias(_Callable, -1, 'Callable', flavour=_CallableSpecialAlias)
Generator = _special_alias(_Generator, 3, 'Generator')
Awaitable = _special_alias(_Awaitable, 1, 'Awaitable')
Coroutine = _special_alias(_Coroutine, 3, 'Coroutine')
AsyncIterable = _special_alias(_AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _special_alias(_AsyncIterator, 1, 'AsyncIterator')
AsyncGenerator = _special_alias(_AsyncGenerator, 2, 'AsyncGenerator')
Sequence = _special_alias(_Sequence, 1, 'Sequence')
MutableSequence = _special_alias(_MutableSequence, 1, 'MutableSequence')
ByteString = _special_alias(_ByteString, 0, 'ByteString')
AbstractSet = _special_alias(_AbstractSet, 1, 'AbstractSet')
MutableSet = _special_alias(_MutableSet, 1, 'MutableSet')
Mapping = _special_alias(_Mapping, 2, 'Mapping')
MutableMapping = _special_alias(_MutableMapping, 2, 'MutableMapping')
MappingView = _special_alias(_MappingView, 1, 'MappingView')
KeysView = _special_alias(_KeysView, 1, 'KeysView')
ItemsView = _special_alias(_ItemsView, 2, 'ItemsView')
ValuesView = _special_alias(_ValuesView, 1, 'ValuesView')
ContextManager = _special_alias(_ContextManager, 1, 'ContextManager')
AsyncContextManager = _special_alias(_AsyncContextManager, 1, 'AsyncContextManager')
List = _special_alias(list, 1, 'List', inst=False)
Dict = _special_alias(dict, 2, 'Dict', inst=False)
Set = _special_alias(set, 1, 'Set', inst=False)
FrozenSet = _special_alias(frozenset, 1, 'FrozenSet', inst=False)
Tuple = _special_alias(tuple, -1, 'Tuple', inst=False, flavour=_TupleSpecialAlias)
Type = _special_alias(type, 1, 'Type', inst=False)
Deque = _special_alias(_library_class('collections', 'deque',
                                      _placeholder('deque', 'collections', list)),
                       1, 'Deque')
DefaultDict = _special_alias(_library_class('collections', 'defaultdict',
                                            _placeholder('defaultdict', 'collections', dict)),
                             2, 'DefaultDict')
OrderedDict = _special_alias(_library_class('collections', 'OrderedDict',
                                            _placeholder('OrderedDict', 'collections', dict)),
                             2, 'OrderedDict')
Counter = _special_alias(_library_class('collections', 'Counter',
                                        _placeholder('Counter', 'collections', dict)),
                         1, 'Counter')
ChainMap = _special_alias(_library_class('collections', 'ChainMap',
                                         _placeholder('ChainMap', 'collections')),
                          2, 'ChainMap')
Pattern = _special_alias(_placeholder('Pattern', 're'), 1, 'Pattern')
Match = _special_alias(_placeholder('Match', 're'), 1, 'Match')


def cast(typ, val):
    """Tell a type checker that val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ, /):
    """Tell a type checker val has type typ; returns val unchanged."""
    return val


def assert_never(arg, /):
    """Statically assert that a line is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % value)


def reveal_type(obj, /):
    """Print the runtime type of obj (for type checkers' reveal_type)."""
    print('Runtime type is %r' % (type(obj).__name__,), file=_sys.stderr)
    return obj


# Overloads by function qualified name (for get_overloads).
_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-'
        'decorated functions outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    """Decorator for the typed variants of an overloaded function."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    """The @overload variants registered for func."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Mark a method or class as final."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Mark a function or class as not type checked."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if isinstance(obj, _FunctionType):
                try:
                    obj.__no_type_check__ = True
                except (AttributeError, TypeError):
                    pass
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Make a decorator whose results are @no_type_check."""
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    wrapped_decorator.__name__ = getattr(decorator, '__name__', 'decorator')
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(), **kwargs):
    """Mark a decorator or class as making dataclass-like classes."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default,
            'field_specifiers': field_specifiers, 'kwargs': kwargs}
        return cls_or_fn
    return decorator


def runtime_checkable(cls):
    """Let isinstance() check against a Protocol class."""
    if not isinstance(cls, _ProtocolMeta) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % (cls,))
    cls._is_runtime_protocol = True
    return cls


_PROTOCOL_IGNORED = frozenset((
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
    '__weakref__', '__class_getitem__', '__parameters__', '__orig_bases__',
    '__qualname__', '__init_subclass__', '__match_args__',
    '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__',
    '__orig_class__',
))


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for name in list(base.__dict__) + list(annotations):
            if not name.startswith('_abc_') and name not in _PROTOCOL_IGNORED \
                    and name not in attrs:
                attrs.append(name)
    return attrs


class _ProtocolMeta(_AliasMeta):
    def __instancecheck__(cls, instance):
        if _is_alias(cls):
            return cls._alias_instancecheck_(instance)
        if not getattr(cls, '_is_protocol', False) or cls is Protocol:
            return _nominal_instance(cls, instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if _nominal_instance(cls, instance):
            return True
        instance_dict = getattr(instance, '__dict__', {})
        for attr in _protocol_attrs(cls):
            if attr in instance_dict:
                continue
            if not _has_method(type(instance), attr):
                return False
        return True

    def __subclasscheck__(cls, other):
        if _is_alias(cls):
            return cls._alias_subclasscheck_(other)
        if not getattr(cls, '_is_protocol', False) or cls is Protocol:
            return _nominal_subclass(cls, other)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if _nominal_subclass(cls, other):
            return True
        for attr in _protocol_attrs(cls):
            if not _has_method(other, attr):
                return False
        return True


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class of protocol classes (structural subtyping)."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol and '__init__' not in cls.__dict__:
            cls.__init__ = _no_init_or_replace_init


@runtime_checkable
class SupportsInt(Protocol):
    """An object with __int__."""
    __slots__ = ()

    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An object with __float__."""
    __slots__ = ()

    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An object with __complex__."""
    __slots__ = ()

    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An object with __bytes__."""
    __slots__ = ()

    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An object with __index__."""
    __slots__ = ()

    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    """An object with __abs__."""
    __slots__ = ()

    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    """An object with __round__."""
    __slots__ = ()

    def __round__(self, ndigits=0):
        pass


class NewType:
    """NewType('UserId', int): a distinct name for a type; calling it
    returns its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of NewType. Perhaps you '
                        'were looking for: `%s = NewType(%r, %s)`'
                        % ('ProUserId', 'ProUserId', self.__name__))

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---- NamedTuple

def _make_namedtuple(name, fields, defaults, module, types=None):
    """A tuple subclass with named fields (collections.namedtuple's
    behaviour, which krait may not have yet)."""
    for field_name in fields:
        if not isinstance(field_name, str) or not field_name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % (field_name,))
        if field_name.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: %r'
                             % (field_name,))
    seen = set()
    for field_name in fields:
        if field_name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (field_name,))
        seen.add(field_name)
    fields = tuple(fields)
    arg_list = ', '.join(fields)
    if len(fields) == 1:
        arg_list += ','
    namespace = {'_tuple_new': tuple.__new__}
    source = 'def __new__(_cls, %s):\n    return _tuple_new(_cls, (%s))\n' % (
        ', '.join(fields), arg_list)
    exec(source, namespace)
    new = namespace['__new__']
    new.__qualname__ = '%s.__new__' % (name,)
    new.__doc__ = 'Create new instance of %s(%s)' % (name, ', '.join(fields))
    if defaults:
        new.__defaults__ = tuple(defaults)

    field_count = len(fields)

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, tuple(iterable))
        if len(result) != field_count:
            raise TypeError('Expected %d arguments, got %d' % (field_count, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(f, value) for f, value in zip(fields, self)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            '%s=%r' % (f, value) for f, value in zip(fields, self)) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    class_namespace = {
        '__doc__': '%s(%s)' % (name, ', '.join(fields)),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': dict(zip(fields[field_count - len(defaults):], defaults))
        if defaults else {},
        '__new__': new,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
        '__module__': module,
    }
    for index, field_name in enumerate(fields):
        # The native field reader collections.namedtuple uses.
        class_namespace[field_name] = _tuplegetter(
            index, 'Alias for field number %d' % index)
    result = type(name, (tuple,), class_namespace)
    for method in (_replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = '%s.%s' % (name, method.__name__)
    if types is not None:
        result.__annotations__ = dict(types)
    return result


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, namespace, **kwds):
        if namespace.get('_root', False):
            return super().__new__(mcls, typename, bases, namespace)
        for base in bases:
            if base is not NamedTuple and not (isinstance(base, type) and issubclass(base, Generic)) \
                    and not _is_alias(base):
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        annotations = namespace.get('__annotations__', {})
        types = {key: _type_check(value, '') for key, value in annotations.items()}
        field_names = list(types)
        defaults = []
        for field_name in field_names:
            if field_name in namespace:
                defaults.append(namespace[field_name])
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow '
                                'default field%s %s'
                                % (field_name, 's' if len(defaults) > 1 else '',
                                   ', '.join(field_names[:len(defaults)])))
        result = _make_namedtuple(typename, field_names, defaults,
                                  namespace.get('__module__', '__main__'), types)
        for key, value in namespace.items():
            if key in ('__module__', '__qualname__', '__annotations__', '__doc__',
                       '__orig_bases__'):
                if key == '__qualname__':
                    result.__qualname__ = value
                elif key == '__doc__' and value is not None:
                    result.__doc__ = value
                continue
            if key in ('_make', '_replace', '_asdict', '_fields', '_field_defaults',
                       '__new__', '__init__', '__slots__', '__getnewargs__'):
                if key in ('__new__', '__init__', '_fields', '_field_defaults',
                           '__slots__', '__getnewargs__', '_make'):
                    raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in result._fields:
                setattr(result, key, value)
        return result

    def __call__(cls, typename=None, fields=None, /, **kwargs):
        if cls is not NamedTuple:
            return super().__call__(typename, fields, **kwargs)
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError('Either list of fields or keywords can be provided '
                            'to NamedTuple, not both')
        fields = [(name, _type_check(tp, '')) for name, tp in fields]
        return _make_namedtuple(typename, [name for name, _ in fields], [],
                                _caller_module(), fields)


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of namedtuple: class Point(NamedTuple): x: int."""
    _root = True


# ---- TypedDict

class _TypedDictMeta(type):
    def __new__(mcls, name, bases, namespace, total=True):
        if namespace.get('_root', False):
            return super().__new__(mcls, name, bases, namespace)
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        namespace = dict(namespace)
        own_annotations = {key: _type_check(value, '') for key, value in
                           namespace.get('__annotations__', {}).items()}
        annotations = {}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for key, value in own_annotations.items():
            qualifier = value.__origin__ if _is_alias(value) else None
            if qualifier is Required:
                required_keys.add(key)
            elif qualifier is NotRequired:
                optional_keys.add(key)
            elif total:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        namespace['__annotations__'] = annotations
        namespace['__required_keys__'] = frozenset(required_keys)
        namespace['__optional_keys__'] = frozenset(optional_keys)
        namespace['__total__'] = total
        return super().__new__(mcls, name, (dict,), namespace)

    def __init__(cls, *args, **kwargs):
        pass

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, **kwargs)
        return dict(*args, **kwargs)

    def __instancecheck__(cls, instance):
        raise TypeError('TypedDict does not support instance and class checks')

    def __subclasscheck__(cls, subclass):
        raise TypeError('TypedDict does not support instance and class checks')


def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, '
                        'but not both')
    namespace = {'__annotations__': dict(fields), '__module__': _caller_module(3)}
    return _TypedDictMeta(typename, (), namespace, total=total)


class TypedDict(metaclass=_TypedDictMeta):
    """A dict with a fixed set of typed keys: class Movie(TypedDict)."""
    _root = True


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta) and tp is not TypedDict


# ---- introspection

def get_origin(tp):
    """The unsubscripted version of a type hint: get_origin(List[int]) is
    list."""
    if _is_alias(tp):
        flavour = tp.__dict__.get('_flavour_')
        if flavour is _AnnotatedAlias:
            return Annotated
        if flavour is _SpecialGenericAlias or flavour in (_TupleSpecialAlias,
                                                          _CallableSpecialAlias):
            return tp.__origin__
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, (ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    origin = getattr(tp, '__origin__', None)
    if origin is not None and (type(tp).__name__ == 'UnionType' or isinstance(tp, _types.GenericAlias)):
        return origin
    if type(tp).__name__ == 'UnionType':
        return type(tp)
    return None


def get_args(tp):
    """The arguments of a type hint: get_args(Dict[str, int]) is (str,
    int)."""
    if _is_alias(tp):
        flavour = tp.__dict__.get('_flavour_')
        if flavour is _AnnotatedAlias:
            return (tp.__origin__,) + tp.__metadata__
        if flavour in (_SpecialGenericAlias, _TupleSpecialAlias, _CallableSpecialAlias):
            return ()
        args = tp.__args__
        if flavour is _CallableGenericAlias and not (len(args) == 2 and (
                args[0] is ... or isinstance(args[0], ParamSpec)
                or _is_alias(args[0]))):
            return (list(args[:-1]), args[-1])
        return args
    if type(tp).__name__ == 'UnionType':
        return tp.__args__
    if isinstance(tp, _types.GenericAlias):
        args = tp.__args__
        # `collections.abc.Callable[[int], str]` keeps its parameters in
        # a list, as written.
        if type(tp).__name__ == '_CallableGenericAlias' and not (
                len(args) == 2 and (args[0] is ... or isinstance(args[0], ParamSpec))):
            return (list(args[:-1]), args[-1])
        return args
    return ()


def _strip_annotations(tp):
    if _is_alias(tp):
        flavour = tp.__dict__.get('_flavour_')
        if flavour is _AnnotatedAlias:
            return _strip_annotations(tp.__origin__)
        if tp.__origin__ in (Required, NotRequired):
            return _strip_annotations(tp.__args__[0])
        if flavour in (_SpecialGenericAlias, _TupleSpecialAlias, _CallableSpecialAlias,
                       _LiteralGenericAlias):
            return tp
        stripped = tuple(_strip_annotations(arg) for arg in tp.__args__)
        if stripped == tp.__args__:
            return tp
        return tp._copy_with_(stripped)
    return tp


def _evaluate_hint(value, globalns, localns):
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return value._evaluate(globalns, localns)
    if _is_alias(value):
        flavour = value.__dict__.get('_flavour_')
        if flavour in (_SpecialGenericAlias, _TupleSpecialAlias, _CallableSpecialAlias,
                       _LiteralGenericAlias):
            return value
        if flavour is _AnnotatedAlias:
            inner = _evaluate_hint(value.__origin__, globalns, localns)
            if inner is value.__origin__:
                return value
            return Annotated[(inner,) + value.__metadata__]
        args = tuple(_evaluate_hint(arg, globalns, localns) if not isinstance(arg, list)
                     else [_evaluate_hint(a, globalns, localns) for a in arg]
                     for arg in value.__args__)
        if args == value.__args__:
            return value
        return value._copy_with_(args)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The type hints of a function, class or module, with strings
    evaluated."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            if globalns is None:
                module = _sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            annotations = base.__dict__.get('__annotations__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in annotations.items():
                if value is None:
                    value = _NoneType
                hints[name] = _evaluate_hint(value, base_globals, base_locals)
    else:
        annotations = getattr(obj, '__annotations__', None)
        if annotations is None:
            if isinstance(obj, _FunctionType) or hasattr(obj, '__call__') \
                    or type(obj).__name__ == 'module':
                return {}
            raise TypeError('%r is not a module, class, method, or function.' % (obj,))
        if globalns is None:
            if type(obj).__name__ == 'module':
                globalns = obj.__dict__
            else:
                wrapped = obj
                while hasattr(wrapped, '__wrapped__'):
                    wrapped = wrapped.__wrapped__
                globalns = getattr(wrapped, '__globals__', {})
        if localns is None:
            localns = globalns
        for name, value in annotations.items():
            if value is None:
                value = _NoneType
            hints[name] = _evaluate_hint(value, globalns, localns)
    if include_extras:
        return hints
    return {name: _strip_annotations(value) for name, value in hints.items()}


# IO types: names for annotations of file objects.
class IO(Generic[AnyStr]):
    """A generic file object."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """A binary file object."""
    __slots__ = ()


class TextIO(IO[str]):
    """A text file object."""
    __slots__ = ()


# typing.io and typing.re were namespaces of these names.
class _Namespace:
    def __init__(self, name, **members):
        self.__name__ = name
        self.__dict__.update(members)


io = _Namespace('typing.io', IO=IO, TextIO=TextIO, BinaryIO=BinaryIO)
re = _Namespace('typing.re', Pattern=Pattern, Match=Match)
