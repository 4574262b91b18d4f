"""Mock objects for tests, and ``patch`` for swapping them in (krait)."""

__all__ = (
    'Mock',
    'MagicMock',
    'patch',
    'sentinel',
    'DEFAULT',
    'ANY',
    'call',
    'create_autospec',
    'AsyncMock',
    'FILTER_DIR',
    'NonCallableMock',
    'NonCallableMagicMock',
    'mock_open',
    'PropertyMock',
    'seal',
)

import asyncio
import builtins
import contextlib
import inspect
import io
import pprint
import sys
import threading
from functools import partial, wraps
from types import FunctionType, MethodType, ModuleType

try:
    from types import CodeType
except ImportError:  # pragma: no cover
    CodeType = None

from unittest.util import safe_repr

try:
    from asyncio.coroutines import _is_coroutine as _COROUTINE_TAG
except ImportError:  # pragma: no cover
    _COROUTINE_TAG = None


FILTER_DIR = True

FunctionTypes = (FunctionType, MethodType)

_CO_COROUTINE_FLAG = getattr(inspect, 'CO_COROUTINE', 0x80)


class InvalidSpecError(Exception):
    """Raised for a mock object used as a spec."""


def _invalid_spec(text, **shown):
    details = ', '.join(f'{key}={value!r}' for key, value in shown.items())
    return InvalidSpecError(f'{text} [{details}]')


def _already_mocked_attr(attr_name, target_name, target, spec):
    return _invalid_spec(
        f'Cannot autospec attr {attr_name!r} from target {target_name!r} '
        'as it has already been mocked out.', target=target, attr=spec)


# ===========================================================================
# sentinel, DEFAULT, ANY

class _SentinelObject(object):
    """One named sentinel value."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f'sentinel.{self.name}'

    def __reduce__(self):
        return f'sentinel.{self.name}'


class _Sentinel(object):
    """``sentinel.whatever`` hands out one unique object per name."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            # keeps help() and friends from treating this as a class
            raise AttributeError
        table = self._sentinels
        if name not in table:
            table[name] = _SentinelObject(name)
        return table[name]

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()

DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY(object):
    """Equal to anything at all."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


# ===========================================================================
# predicates and small utilities

def _is_magic(name):
    return len(name) >= 4 and name.startswith('__') and name.endswith('__')


def _is_instance_mock(obj):
    # look at the real type: a spec'd mock reports the spec as __class__
    return issubclass(type(obj), NonCallableMock)


def _is_error(obj):
    if isinstance(obj, type):
        return issubclass(obj, BaseException)
    return isinstance(obj, BaseException)


def _is_name_list(obj):
    return type(obj) is list or type(obj) is tuple


def _callable(obj):
    while isinstance(obj, (staticmethod, classmethod, MethodType)):
        obj = obj.__func__
    if isinstance(obj, (type, FunctionType)) or callable(obj):
        return True
    return getattr(obj, '__call__', None) is not None


def _instances_callable(obj):
    """True when instances of the class ``obj`` can be called."""
    if isinstance(obj, type):
        return any(base.__dict__.get('__call__') is not None
                   for base in obj.__mro__)
    return _callable(obj)


def _is_coro_fn(obj):
    if _is_instance_mock(obj):
        return isinstance(obj, AsyncMockMixin)
    try:
        if inspect.iscoroutinefunction(obj):
            return True
        if _COROUTINE_TAG is None:
            return False
        return getattr(obj, '_is_coroutine', None) is _COROUTINE_TAG
    except Exception:
        return False


def _is_async_thing(obj):
    if _is_instance_mock(obj):
        if not isinstance(obj, AsyncMock):
            return False
    if hasattr(obj, '__func__'):
        obj = obj.__func__
    return _is_coro_fn(obj) or inspect.isawaitable(obj)


def _is_coroutine_function(func):
    if not getattr(func, '__code__', None):
        return False
    return _is_coro_fn(func)


def _has_attribute_safely(obj, name):
    try:
        return hasattr(obj, name)
    except Exception:
        return False


def _inner_mock(obj):
    # autospecced functions are real functions carrying their mock
    if isinstance(obj, FunctionTypes) and hasattr(obj, 'mock'):
        return obj.mock
    return obj


def _render_call(name, args, kwargs):
    shown = [repr(value) for value in args]
    for key, value in kwargs.items():
        shown.append(f'{key}={value!r}')
    return name + '(' + ', '.join(shown) + ')'


def _as_side_effect(obj):
    if obj is None or _is_error(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        # kept as it is: calling the mock reports the problem later
        return obj


def _object_sizeof(obj):
    sizer = getattr(object, '__sizeof__', None)
    if sizer is None:
        return sys.getsizeof(object())
    return sizer(obj)


def _object_dir(obj):
    lister = getattr(object, '__dir__', None)
    if lister is not None:
        return lister(obj)
    seen = dict.fromkeys(obj.__dict__)
    seen.update(dict.fromkeys(dir(type(obj))))
    return list(seen)


def _reject_spec_typos(kwargs_to_check):
    for wrong in ('autospect', 'auto_spec', 'set_spec'):
        if wrong not in kwargs_to_check:
            continue
        raise RuntimeError(
            repr(wrong) + ' might be a typo; use unsafe=True if this is '
            'intended')


# ===========================================================================
# signatures

def _signature_source(spec, as_instance, skip_first):
    """Pick the callable whose signature governs calls to a mock of
    ``spec``; returns (callable, skip_first) or None."""
    if isinstance(spec, type) and not as_instance:
        # calling a class runs its __init__
        try:
            return spec.__init__, True
        except AttributeError:
            return None
    if isinstance(spec, classmethod):
        return spec.__func__, True
    if isinstance(spec, staticmethod):
        return spec.__func__, skip_first
    if isinstance(spec, FunctionTypes):
        return spec, skip_first
    try:
        return spec.__call__, skip_first
    except AttributeError:
        return None


def _signature_for(func, as_instance, eat_self):
    """(callable, inspect.Signature) describing calls to ``func``, or None."""
    picked = _signature_source(func, as_instance, eat_self)
    if picked is None:
        return None
    target, skip = picked
    try:
        signature = inspect.signature(partial(target, None) if skip
                                      else target)
    except (TypeError, ValueError):
        return None
    return target, signature


def _copy_metadata(func, funcopy):
    for field in ('__name__', '__doc__', '__text_signature__', '__module__',
                  '__defaults__', '__kwdefaults__'):
        try:
            value = getattr(func, field)
            setattr(funcopy, field, value)
        except (AttributeError, TypeError):
            pass


def _sig_checker(func, signature):
    def checker(*args, **kwargs):
        signature.bind(*args, **kwargs)
    _copy_metadata(func, checker)
    return checker


def _install_sig_check(spec, mock, skipfirst, instance=False):
    found = _signature_for(spec, instance, skipfirst)
    if found is None:
        return
    source, signature = found
    bind = _sig_checker(source, signature)

    def checksig(self, /, *args, **kwargs):
        bind(*args, **kwargs)
    _copy_metadata(source, checksig)
    klass = type(mock)
    klass._mock_check_sig = checksig
    klass.__signature__ = signature


# ===========================================================================
# recorded calls

class _CallList(list):
    """List of calls where ``in`` also looks for a run of calls."""

    def __contains__(self, sought):
        if isinstance(sought, list):
            width = len(sought)
            return any(self[at:at + width] == sought
                       for at in range(len(self) - width + 1))
        return super().__contains__(sought)

    def __repr__(self):
        as_plain = list(self)
        return pprint.pformat(as_plain)


def _split_call_value(value):
    """Turn the many accepted shapes of a call into (name, args, kwargs),
    name None when the shape has none; None for a shape that is no call."""
    size = len(value)
    if size == 0:
        return None, (), {}
    if size == 3:
        return tuple(value)
    if size == 1:
        (only,) = value
        if isinstance(only, str):
            return only, (), {}
        if isinstance(only, tuple):
            return None, only, {}
        return None, (), only
    if size == 2:
        head, tail = value
        if not isinstance(head, str):
            return None, head, tail
        if isinstance(tail, tuple):
            return head, tail, {}
        return head, (), tail
    return None


class _Call(tuple):
    """A recorded call: (args, kwargs) or (name, args, kwargs).

    ``call.attr(...)`` builds these; they compare leniently with tuples.
    """

    def __new__(cls, value=(), name='', parent=None,
                two=False, from_kall=True):
        pieces = _split_call_value(value)
        label, positional, keywords = pieces or (None, (), {})
        if label is None:
            label = name
        if two:
            return tuple.__new__(cls, (positional, keywords))
        return tuple.__new__(cls, (label, positional, keywords))

    def __init__(self, value=(), name=None, parent=None,
                 two=False, from_kall=True):
        self._mock_name, self._mock_parent, self._mock_from_kall = (
            name, parent, from_kall)

    def _parts(self):
        if len(self) == 2:
            return ('',) + tuple(self)
        return tuple(self)

    def __eq__(self, other):
        try:
            len(other)
        except TypeError:
            return NotImplemented
        ours = getattr(self, '_mock_parent', None)
        theirs = getattr(other, '_mock_parent', None)
        if ours is not None and theirs is not None and ours != theirs:
            return False
        their_parts = _split_call_value(other)
        if their_parts is None:
            return False
        my_name, my_args, my_kwargs = self._parts()
        their_name, their_args, their_kwargs = their_parts
        if my_name and (their_name or '') != my_name:
            return False
        # the other side goes first so that its ANY and friends are asked
        return (their_args, their_kwargs) == (my_args, my_kwargs)

    def __ne__(self, other):
        verdict = _Call.__eq__(self, other)
        if verdict is NotImplemented:
            return NotImplemented
        return not verdict

    __hash__ = None

    def __call__(self, /, *args, **kwargs):
        label = self._mock_name
        if label is not None:
            return _Call((label, args, kwargs), name=f'{label}()',
                         parent=self)
        return _Call(('', args, kwargs), name='()')

    def __getattr__(self, item):
        if item.startswith('_mock_'):
            raise AttributeError(item)
        label = self._mock_name
        if label is not None:
            return _Call(name=f'{label}.{item}', parent=self,
                         from_kall=False)
        return _Call(name=item, from_kall=False)

    def __getattribute__(self, field):
        # hide tuple's own methods so that call.index(...) etc. are calls
        if field in tuple.__dict__:
            raise AttributeError(field)
        return tuple.__getattribute__(self, field)

    def count(self, /, *args, **kwargs):
        return _call_through(self, 'count', args, kwargs)

    def index(self, /, *args, **kwargs):
        return _call_through(self, 'index', args, kwargs)

    @property
    def args(self):
        return self._parts()[1]

    @property
    def kwargs(self):
        return self._parts()[2]

    def __repr__(self):
        if not self._mock_from_kall:
            label = self._mock_name or 'call'
            return 'call' + label if label.startswith('()') else label
        label, positional, keywords = self._parts()
        if not label:
            label = 'call'
        elif label.startswith('()'):
            label = 'call' + label
        else:
            label = 'call.' + label
        return _render_call(label, positional, keywords)

    def call_list(self):
        """Every call along a chained call, outermost first."""
        chain = []
        link = self
        while link is not None:
            if link._mock_from_kall:
                chain.insert(0, link)
            link = link._mock_parent
        return _CallList(chain)


call = _Call(from_kall=False)


def _call_through(kall, method_name, args, kwargs):
    # count() and index() of a call object record calls, as any name does
    return _Call.__getattr__(kall, method_name)(*args, **kwargs)


class _AnyComparer(list):
    """``item in self`` compares with the item on the left of ``==`` for
    each field, so an ANY nested in the expected call is consulted."""

    def __contains__(self, item):
        for candidate in self:
            if len(candidate) == len(item) and all(
                    mine == theirs for mine, theirs in zip(item, candidate)):
                return True
        return False


# ===========================================================================
# which magic methods exist, and what they do by default

def _dunders(words):
    return {f'__{word}__' for word in words.split()}


_ARITHMETIC = ('add sub mul matmul truediv floordiv mod lshift rshift and '
               'xor or pow')

_magics = _dunders(
    'lt gt le ge eq ne '
    'getitem setitem delitem '
    'len contains iter hash str sizeof '
    'enter exit '
    'divmod rdivmod neg pos abs invert '
    'complex int float index '
    'round trunc floor ceil '
    'bool next fspath aiter '
    + _ARITHMETIC + ' '
    + ' '.join('i' + op for op in _ARITHMETIC.split()) + ' '
    + ' '.join('r' + op for op in _ARITHMETIC.split()))

# supported, but with no default behaviour
_non_defaults = _dunders(
    'get set delete reversed missing reduce reduce_ex getinitargs '
    'getnewargs getstate setstate getformat repr dir subclasses format '
    'getnewargs_ex')

_awaitable_magics = _dunders('aenter aexit anext')
_plain_async_magics = _dunders('aiter')
_async_magic_names = _awaitable_magics | _plain_async_magics

_sync_magic_names = _magics | _non_defaults
_all_magics = _sync_magic_names | _async_magic_names

_forbidden_magics = _dunders(
    'getattr setattr init new prepare instancecheck subclasscheck del')

# fixed default return values
_MAGIC_RESULTS = {
    '__lt__': NotImplemented,
    '__gt__': NotImplemented,
    '__le__': NotImplemented,
    '__ge__': NotImplemented,
    '__int__': 1,
    '__contains__': False,
    '__len__': 0,
    '__exit__': False,
    '__complex__': 1j,
    '__float__': 1.0,
    '__bool__': True,
    '__index__': 1,
    '__aexit__': False,
}


def _fspath_default(owner):
    return '/'.join((type(owner).__name__, owner._extract_mock_name(),
                     str(id(owner))))


# default return values worked out from the owning mock
_MAGIC_RESULT_MAKERS = {
    '__hash__': object.__hash__,
    '__str__': object.__str__,
    '__sizeof__': _object_sizeof,
    '__fspath__': _fspath_default,
}


def _eq_behaviour(owner, opposite):
    # identity comparison unless the user set a return value
    def compare(other):
        preset = getattr(owner, '__ne__' if opposite else '__eq__')
        preset = preset._mock_return_value
        if preset is not DEFAULT:
            return preset
        if other is owner:
            return not opposite
        return NotImplemented
    return compare


def _iter_behaviour(owner, asynchronous):
    def iterate():
        preset = getattr(owner, '__aiter__' if asynchronous else '__iter__')
        preset = preset._mock_return_value
        values = iter(()) if preset is DEFAULT else iter(preset)
        return _AsyncIterator(values) if asynchronous else values
    return iterate


_MAGIC_EFFECT_MAKERS = {
    '__eq__': lambda owner: _eq_behaviour(owner, False),
    '__ne__': lambda owner: _eq_behaviour(owner, True),
    '__iter__': lambda owner: _iter_behaviour(owner, False),
    '__aiter__': lambda owner: _iter_behaviour(owner, True),
}


def _give_magic_default(mock, method, name):
    """Install the default behaviour of a magic method mock just made."""
    if name in _MAGIC_RESULTS:
        method.return_value = _MAGIC_RESULTS[name]
    elif name in _MAGIC_RESULT_MAKERS:
        method.return_value = _MAGIC_RESULT_MAKERS[name](mock)
    elif name in _MAGIC_EFFECT_MAKERS:
        method.side_effect = _MAGIC_EFFECT_MAKERS[name](mock)


def _method_from(name, func):
    """Wrap a plain function so it can sit on a class as a method."""
    def method(self, /, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


class MagicProxy(object):
    """Placeholder on a mock's class that builds the magic method mock the
    first time it is looked up."""

    def __init__(self, name, parent):
        self.name = name
        self.parent = parent

    def create_mock(self):
        owner, which = self.parent, self.name
        made = owner._get_child_mock(name=which, _new_name=which,
                                     _new_parent=owner)
        setattr(owner, which, made)
        _give_magic_default(owner, made, which)
        return made

    def __get__(self, obj, _type=None):
        return self.create_mock()


class _AsyncIterator:
    """Asynchronous iteration over an ordinary iterator."""

    def __init__(self, iterator):
        self.iterator = iterator

    def __aiter__(self):
        return self

    async def __anext__(self):
        for item in self.iterator:
            return item
        raise StopAsyncIteration


# ===========================================================================
# the mock classes

# names assigned straight through object.__setattr__ (properties and
# bookkeeping), bypassing the spec and child handling of __setattr__
_DIRECT_SET = set('return_value side_effect'.split())
_DIRECT_SET.update('_mock_' + field for field in (
    'return_value', 'side_effect', 'parent', 'new_parent', 'name',
    'new_name'))


def _via_delegate(name):
    """A property reading ``_mock_<name>``, or ``<name>`` on the delegate
    (the function made by autospec) when there is one."""
    _DIRECT_SET.add(name)
    slot = '_mock_' + name

    def read(self):
        delegate = self._mock_delegate
        return getattr(self, slot) if delegate is None \
            else getattr(delegate, name)

    def write(self, value):
        delegate = self._mock_delegate
        if delegate is not None:
            setattr(delegate, name, value)
        else:
            self.__dict__[slot] = value

    return property(read, write)


def _adopt_child(parent, value, name, new_name):
    """Adopt ``value`` as a child of ``parent`` when it is a mock with no
    name or parent yet; False when it was left alone."""
    value = _inner_mock(value)
    if not _is_instance_mock(value):
        return False
    taken = (value._mock_name or value._mock_new_name or
             value._mock_parent is not None or
             value._mock_new_parent is not None)
    if taken:
        return False
    ancestor = parent
    while ancestor is not None:
        if ancestor is value:
            # would make a loop of parents
            return False
        ancestor = ancestor._mock_new_parent
    fields = value.__dict__
    if new_name:
        fields.update(_mock_new_parent=parent, _mock_new_name=new_name)
    if name:
        fields.update(_mock_parent=parent, _mock_name=name)
    return True


class _SpecState(object):
    """What is needed to autospec an attribute when it is first used."""

    def __init__(self, spec, spec_set=False, parent=None,
                 name=None, ids=None, instance=False):
        vars(self).update(spec=spec, spec_set=spec_set, parent=parent,
                          name=name, ids=ids, instance=instance)


class Base(object):
    _mock_return_value = DEFAULT
    _mock_side_effect = None

    def __init__(self, /, *_args, **_kwargs):
        # the end of the cooperative __init__ chain: nothing left to do
        return None


_ASSERT_LOOKALIKES = ('assert', 'assret', 'asert', 'aseert', 'assrt')
_NEVER_CHILDREN = frozenset(('_mock_methods', '_mock_unsafe',
                             '_mock_check_sig'))


def _who(mock):
    return mock._mock_name or 'mock'


def _first_error(items):
    for item in items:
        if isinstance(item, Exception):
            return item
    return None


def _spec_from_args(args, kw):
    chosen = kw.get('spec_set', kw.get('spec'))
    if chosen is None and args:
        chosen = args[0]
    return chosen


def _forget_calls(mock):
    for field, start in (('called', False), ('call_args', None),
                         ('call_count', 0)):
        setattr(mock, field, start)
    for field in ('mock_calls', 'call_args_list', 'method_calls'):
        setattr(mock, field, _CallList())


class NonCallableMock(Base):
    """A mock that cannot be called; see `Mock` for the arguments."""

    _lock = threading.RLock()

    def __new__(cls, /, *args, **kw):
        # a class of its own for every mock, so magic methods set on one
        # instance stay on that instance
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin):
            chosen = _spec_from_args(args, kw)
            if chosen is not None and _is_async_thing(chosen):
                bases = (AsyncMockMixin, cls)
        own_class = type(cls.__name__, bases, {'__doc__': cls.__doc__})
        return super(NonCallableMock, cls).__new__(own_class)

    def __init__(self, /, spec=None, wraps=None, name=None,
                 spec_set=None, parent=None, _spec_state=None,
                 _new_name='', _new_parent=None,
                 _spec_as_instance=False, _eat_self=None, unsafe=False,
                 **kwargs):
        attrs = self.__dict__
        attrs.update(
            _mock_parent=parent,
            _mock_name=name,
            _mock_new_name=_new_name,
            _mock_new_parent=parent if _new_parent is None else _new_parent,
            _mock_sealed=False,
        )
        if spec_set is not None:
            spec, spec_set = spec_set, True
        self._mock_add_spec(spec, spec_set, _spec_as_instance,
                            parent is not None if _eat_self is None
                            else _eat_self)
        attrs.update(
            _mock_children={},
            _mock_wraps=wraps,
            _mock_delegate=None,
            _mock_called=False,
            _mock_call_args=None,
            _mock_call_count=0,
            _mock_call_args_list=_CallList(),
            _mock_mock_calls=_CallList(),
            method_calls=_CallList(),
            _mock_unsafe=unsafe,
        )
        if kwargs:
            self.configure_mock(**kwargs)
        super().__init__(spec, wraps, name, spec_set, parent,
                         _spec_state)

    # ----------------------------------------------------------- set-up

    def attach_mock(self, mock, attribute):
        """Make ``mock`` the attribute ``attribute`` of this mock, so its
        calls show up in this mock's `method_calls` and `mock_calls`."""
        inner = _inner_mock(mock)
        inner._mock_parent = inner._mock_new_parent = None
        inner._mock_name = ''
        inner._mock_new_name = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        """Limit the attributes of the mock to those of ``spec`` (and with
        ``spec_set``, limit setting them too)."""
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set,
                       _spec_as_instance=False, _eat_self=False):
        if _is_instance_mock(spec):
            raise _invalid_spec('Cannot spec a Mock object.', object=spec)
        spec_class = signature = None
        coroutine_names = []
        if spec is not None and not _is_name_list(spec):
            spec_class = spec if isinstance(spec, type) else type(spec)
            found = _signature_for(spec, _spec_as_instance, _eat_self)
            if found is not None:
                signature = found[1]
            listed = dir(spec)
            # dir() of builtin types may leave special methods out here
            extra = [magic for magic in _all_magics
                     if magic not in listed and
                     _has_attribute_safely(spec, magic)]
            if extra:
                listed = sorted(set(listed).union(extra))
            for entry in listed:
                try:
                    member = getattr(spec, entry, None)
                except Exception:
                    continue
                if _is_coro_fn(member):
                    coroutine_names.append(entry)
            spec = listed
        self.__dict__.update(
            _spec_class=spec_class,
            _spec_set=spec_set,
            _spec_signature=signature,
            _mock_methods=spec,
            _spec_asyncs=coroutine_names,
        )

    def configure_mock(self, /, **kwargs):
        """Set attributes from keyword arguments; dotted names reach into
        child mocks, e.g. ``**{'child.return_value': 1}``."""
        by_depth = sorted(kwargs.items(), key=lambda kv: kv[0].count('.'))
        for dotted, value in by_depth:
            *path, last = dotted.split('.')
            owner = self
            for step in path:
                owner = getattr(owner, step)
            setattr(owner, last, value)

    # ---------------------------------------------- return value, effects

    def __read_result(self):
        delegate = self._mock_delegate
        value = self._mock_return_value if delegate is None \
            else delegate.return_value
        if value is DEFAULT:
            value = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = value
        return value

    def __write_result(self, value):
        delegate = self._mock_delegate
        if delegate is not None:
            delegate.return_value = value
            return
        self._mock_return_value = value
        _adopt_child(self, value, None, '()')

    return_value = property(__read_result, __write_result,
                            doc='What calling the mock returns.')

    def __read_class(self):
        spec_class = self._spec_class
        return type(self) if spec_class is None else spec_class

    def __write_class(self, value):
        self.__dict__['_spec_class'] = value

    __class__ = property(__read_class, __write_class)

    def __read_effect(self):
        delegate = self._mock_delegate
        if delegate is None:
            return self._mock_side_effect
        effect = delegate.side_effect
        needs_iter = (effect is not None and not _callable(effect) and
                      not _is_error(effect) and
                      not hasattr(effect, '__next__'))
        if needs_iter:
            effect = delegate.side_effect = iter(effect)
        return effect

    def __write_effect(self, value):
        value = _as_side_effect(value)
        delegate = self._mock_delegate
        if delegate is not None:
            delegate.side_effect = value
        else:
            self._mock_side_effect = value

    side_effect = property(__read_effect, __write_effect)

    def reset_mock(self, visited=None, *,
                   return_value=False, side_effect=False):
        """Forget all calls (and optionally the return value and side
        effect) of this mock and its children."""
        seen = [] if visited is None else visited
        if id(self) in seen:
            return
        seen.append(id(self))

        _forget_calls(self)
        if return_value:
            self.__dict__['_mock_return_value'] = DEFAULT
        if side_effect:
            self.__dict__['_mock_side_effect'] = None

        for child in list(self._mock_children.values()):
            if child is _deleted or isinstance(child, _SpecState):
                continue
            child.reset_mock(seen, return_value=return_value,
                             side_effect=side_effect)
        result = self._mock_return_value
        if result is not self and _is_instance_mock(result):
            result.reset_mock(seen)

    # ------------------------------------------------------ attributes

    def __getattr__(self, name):
        if name in _NEVER_CHILDREN:
            raise AttributeError(name)
        allowed = self._mock_methods
        if allowed is None:
            if _is_magic(name):
                raise AttributeError(name)
        elif name not in allowed or name in _all_magics:
            raise AttributeError(f'Mock object has no attribute {name!r}')
        checked = not self._mock_unsafe and (not allowed or
                                             name not in allowed)
        if checked and name.startswith(_ASSERT_LOOKALIKES):
            raise AttributeError(
                f'{name!r} is not a valid assertion. Use a spec for the '
                f'mock if {name!r} is meant to be an attribute.')
        with NonCallableMock._lock:
            return self.__child_for(name)

    def __child_for(self, name):
        children = self._mock_children
        child = children.get(name)
        if child is _deleted:
            raise AttributeError(name)
        if child is None:
            wrapped = self._mock_wraps
            if wrapped is not None:
                # a missing attribute of the wrapped object propagates
                wrapped = getattr(wrapped, name)
            child = self._get_child_mock(parent=self, name=name,
                                         wraps=wrapped, _new_name=name,
                                         _new_parent=self)
            children[name] = child
        elif isinstance(child, _SpecState):
            plan = child
            try:
                child = create_autospec(plan.spec, plan.spec_set,
                                        plan.instance, plan.parent,
                                        plan.name)
            except InvalidSpecError:
                shown = self.__dict__['_mock_name'] or self
                raise _already_mocked_attr(plan.name, shown, self, plan.spec)
            children[name] = child
        return child

    def __setattr__(self, name, value):
        if name in _DIRECT_SET:
            return object.__setattr__(self, name, value)
        allowed = self._mock_methods
        if (self._spec_set and allowed is not None and
                name not in allowed and name not in self.__dict__):
            raise AttributeError(f"Mock object has no attribute '{name}'")
        if name in _forbidden_magics:
            raise AttributeError(
                f'Attempting to set unsupported magic method {name!r}.')
        if name in _all_magics:
            if allowed is not None and name not in allowed:
                raise AttributeError(
                    f"Mock object has no attribute '{name}'")
            klass = type(self)
            if _is_instance_mock(value):
                # mocks used as magic methods are called without self
                _adopt_child(self, value, None, name)
                setattr(klass, name, value)
                self._mock_children[name] = value
            else:
                setattr(klass, name, _method_from(name, value))
                function = value

                def value(*args, **kw):
                    return function(self, *args, **kw)
        elif name == '__class__':
            self._spec_class = value
            return None
        elif _adopt_child(self, value, name, name):
            self._mock_children[name] = value

        if self._mock_sealed and not hasattr(self, name):
            raise AttributeError(
                f'Cannot set {self._extract_mock_name()}.{name}')
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        klass_dict = type(self).__dict__
        if name in _all_magics and name in klass_dict:
            delattr(type(self), name)
            if name not in self.__dict__:
                # the default was never replaced: nothing more to forget
                return
        known = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            object.__delattr__(self, name)
        elif known is _deleted:
            raise AttributeError(name)
        # re-inserted so the tombstone sits last, as a fresh entry would
        self._mock_children.pop(name, None)
        self._mock_children[name] = _deleted

    def __dir__(self):
        """Only the useful names: spec, public API, and children."""
        if not FILTER_DIR:
            return _object_dir(self)
        names = set(self._mock_methods or ())
        names.update(n for n in dir(type(self)) if not n.startswith('_'))
        names.update(n for n in self.__dict__
                     if not n.startswith('_') or _is_magic(n))
        names.update(n for n, child in self._mock_children.items()
                     if child is not _deleted)
        return sorted(names)

    # ----------------------------------------------------------- naming

    def _extract_mock_name(self):
        steps = []
        node = self
        while node._mock_new_parent is not None:
            steps.append(node._mock_new_name)
            node = node._mock_new_parent
        text = node._mock_name or 'mock'
        for step in reversed(steps):
            text += step if step == '()' else '.' + (step or '')
        return text

    def __repr__(self):
        label = self._extract_mock_name()
        parts = [type(self).__name__]
        if label not in ('mock', 'mock.'):
            parts.append(f'name={label!r}')
        if self._spec_class is not None:
            keyword = 'spec_set' if self._spec_set else 'spec'
            parts.append(f'{keyword}={self._spec_class.__name__!r}')
        parts.append(f"id='{id(self)}'")
        return '<' + ' '.join(parts) + '>'

    # --------------------------------------------------------- children

    def _get_child_mock(self, /, **kw):
        """Make a child mock (attribute or return value).  Children of a
        subclass are of that subclass; override to change that."""
        kind = kw.get('_new_name')
        if kind in self.__dict__['_spec_asyncs']:
            return AsyncMock(**kw)
        if self._mock_sealed:
            suffix = '.' + kw['name'] if 'name' in kw else '()'
            raise AttributeError(self._extract_mock_name() + suffix)
        own = type(self)
        if issubclass(own, MagicMock) and kind in _awaitable_magics:
            factory = AsyncMock
        elif issubclass(own, AsyncMockMixin):
            sync_child = (kind in _sync_magic_names or
                          bool(self._mock_methods) and
                          kind in self._mock_methods)
            factory = MagicMock if sync_child else AsyncMock
        elif issubclass(own, CallableMixin):
            factory = own.__mro__[1]
        elif issubclass(own, NonCallableMagicMock):
            factory = MagicMock
        else:
            factory = Mock
        return factory(**kw)

    # ------------------------------------------------------- assertions

    def _format_mock_call_signature(self, args, kwargs):
        return _render_call(_who(self), args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        wanted = self._format_mock_call_signature(args, kwargs)
        got = self._format_mock_call_signature(*self.call_args)
        return (f'expected {action} not found.\n'
                f'Expected: {wanted}\n'
                f'  Actual: {got}')

    def _get_call_signature_from_name(self, name):
        if not name:
            return self._spec_signature
        signature = None
        level = self._mock_children
        for piece in name.replace('()', '').split('.'):
            found = level.get(piece)
            if found is None or isinstance(found, _SpecState):
                break
            found = _inner_mock(found)
            level = found._mock_children
            signature = found._spec_signature
        return signature

    def _call_matcher(self, _call):
        """Bind a call to the spec's signature, if any, so positional and
        keyword spellings of one call compare equal; a binding error is
        returned rather than raised."""
        if isinstance(_call, tuple) and len(_call) > 2:
            signature = self._get_call_signature_from_name(_call[0])
        else:
            signature = self._spec_signature
        if signature is None:
            return _call
        if len(_call) == 2:
            label, (positional, keywords) = '', _call
        else:
            label, positional, keywords = _call
        try:
            bound = signature.bind(*positional, **keywords)
        except TypeError as problem:
            return problem.with_traceback(None)
        return _Call((label, bound.args, bound.kwargs))

    def _calls_repr(self, prefix='Calls'):
        if not self.mock_calls:
            return ''
        return f'\n{prefix}: {safe_repr(self.mock_calls)}.'

    def __times_message(self, wording):
        return (f"Expected '{_who(self)}' {wording}. "
                f'Called {self.call_count} times.{self._calls_repr()}')

    def assert_not_called(self):
        """Fail if the mock was ever called."""
        if self.call_count:
            raise AssertionError(self.__times_message('to not have been called'))

    def assert_called(self):
        """Fail unless the mock was called."""
        if not self.call_count:
            raise AssertionError(
                f"Expected '{_who(self)}' to have been called.")

    def assert_called_once(self):
        """Fail unless the mock was called exactly once."""
        if self.call_count != 1:
            raise AssertionError(
                self.__times_message('to have been called once'))

    def assert_called_with(self, /, *args, **kwargs):
        """Fail unless the latest call had these arguments."""
        if self.call_args is None:
            wanted = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('expected call not found.\n'
                                 f'Expected: {wanted}\n'
                                 '  Actual: not called.')
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        if self._call_matcher(self.call_args) == wanted:
            return
        cause = wanted if isinstance(wanted, Exception) else None
        raise AssertionError(
            self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, /, *args, **kwargs):
        """Fail unless there was exactly one call, with these arguments."""
        if self.call_count != 1:
            raise AssertionError(self.__times_message('to be called once'))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless `mock_calls` holds ``calls``: as a consecutive run,
        or anywhere with ``any_order``."""
        wanted = [self._call_matcher(one) for one in calls]
        cause = _first_error(wanted)
        recorded = _CallList(self._call_matcher(one)
                             for one in self.mock_calls)
        if any_order:
            left = list(recorded)
            absent = []
            for one in wanted:
                if one in left:
                    left.remove(one)
                else:
                    absent.append(one)
            if absent:
                raise AssertionError(
                    f'{_who(self)!r} does not contain all of '
                    f'{tuple(absent)!r} in its call list, found {left!r} '
                    'instead') from cause
            return
        if wanted in recorded:
            return
        if cause is None:
            headline = 'Calls not found.'
        else:
            flagged = [one if isinstance(one, Exception) else None
                       for one in wanted]
            headline = f'Error processing expected calls.\nErrors: {flagged}'
        actual = self._calls_repr(prefix='  Actual').rstrip('.')
        raise AssertionError(
            f'{headline}\nExpected: {_CallList(calls)}{actual}') from cause

    def assert_any_call(self, /, *args, **kwargs):
        """Fail unless some call (not just the latest) had these
        arguments."""
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        cause = wanted if isinstance(wanted, Exception) else None
        history = _AnyComparer(self._call_matcher(one)
                               for one in self.call_args_list)
        if cause is not None or wanted not in history:
            shown = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'{shown} call not found') from cause


for _field in ('called', 'call_count', 'call_args', 'call_args_list',
               'mock_calls'):
    setattr(NonCallableMock, _field, _via_delegate(_field))
del _field


def _next_effect(effect):
    """The next item of an iterable side effect (raised if it is an
    exception)."""
    item = next(effect)
    if _is_error(item):
        raise item
    return item


class CallableMixin(Base):

    def __init__(self, spec=None, side_effect=None,
                 return_value=DEFAULT, wraps=None, name=None,
                 spec_set=None, parent=None, _spec_state=None,
                 _new_name='', _new_parent=None, **kwargs):
        # stored before the rest of __init__ runs: configure_mock may
        # already read it
        self.__dict__['_mock_return_value'] = return_value
        super().__init__(spec, wraps, name, spec_set, parent, _spec_state,
                         _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        # autospec swaps in a real signature check
        return None

    def __call__(self, /, *args, **kwargs):
        # check the signature, record the call, then work out the result
        for step in (self._mock_check_sig, self._increment_mock_call):
            step(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args, **kwargs):
        run = self._execute_mock_call
        return run(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        self.called = True
        self.call_count += 1
        latest = _Call((args, kwargs), two=True)
        self.call_args = latest
        self.call_args_list.append(latest)
        self.mock_calls.append(_Call(('', args, kwargs)))

        # method_calls: up through parents while we are an attribute
        label = self._mock_name
        below, above = self, self._mock_new_parent
        while above is not None and below._mock_parent is not None:
            above.method_calls.append(_Call((label, args, kwargs)))
            label = f'{above._mock_name}.{label}'
            below, above = above, above._mock_new_parent

        # mock_calls: every ancestor, with the path down to this mock
        path = self._mock_new_name
        glued = path == '()'
        above = self._mock_new_parent
        while above is not None:
            above.mock_calls.append(_Call((path, args, kwargs)))
            step = above._mock_new_name
            if step:
                path = step + ('' if glued else '.') + path
                glued = step == '()'
            above = above._mock_new_parent

    def _execute_mock_call(self, /, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_error(effect):
                raise effect
            if _callable(effect):
                outcome = effect(*args, **kwargs)
            else:
                outcome = _next_effect(effect)
            if outcome is not DEFAULT:
                return outcome

        delegate = self._mock_delegate
        if self._mock_return_value is not DEFAULT or (
                delegate is not None and
                delegate.return_value is not DEFAULT):
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """
    A callable mock.  Attributes spring into being as child mocks; calls are
    recorded and return `return_value` (a child mock unless set).

    * `spec`: list of names, or an object whose attributes are allowed
    * `spec_set`: as `spec`, and setting other attributes fails too
    * `side_effect`: exception to raise, iterable of results, or function
      called with the mock's arguments
    * `return_value`: what a call returns
    * `wraps`: object that calls pass through to
    * `name`: name shown in the repr
    * `unsafe`: permit attributes that look like misspelt assertions
    """


# ===========================================================================
# magic method support

class MagicMixin(Base):

    def __init__(self, /, *args, **kw):
        # once so that magic methods given as keywords work, once more to
        # repair what the rest of __init__ may have changed
        self._mock_set_magics()
        super(MagicMixin, self).__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        supported = _magics | _awaitable_magics
        klass = type(self)
        limit = getattr(self, '_mock_methods', None)
        if limit is None:
            wanted = supported
        else:
            wanted = supported.intersection(limit)
            for dropped in supported - wanted:
                if dropped in klass.__dict__:
                    # not on the spec any more
                    delattr(self, dropped)
        for missing in wanted.difference(klass.__dict__):
            setattr(klass, missing, MagicProxy(missing, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """`MagicMock` that cannot be called."""

    def mock_add_spec(self, spec, spec_set=False):
        """Limit the attributes of the mock to those of ``spec`` (and with
        ``spec_set``, limit setting them too)."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMagicMixin(MagicMixin):
    pass


class MagicMock(MagicMixin, Mock):
    """
    `Mock` with working defaults for most magic methods; configure them like
    any attribute, e.g. ``m.__len__.return_value = 3``.
    """

    def mock_add_spec(self, spec, spec_set=False):
        """Limit the attributes of the mock to those of ``spec`` (and with
        ``spec_set``, limit setting them too)."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


def _code_mock():
    """Stand-in ``__code__`` whose flags say 'coroutine function'."""
    if CodeType is None:
        fake = NonCallableMock(spec_set=['co_flags'])
    else:
        fake = NonCallableMock(spec_set=CodeType)
        names = fake.__dict__['_mock_methods']
        if 'co_flags' not in names:
            # some interpreters list co_* only on code objects themselves
            fake.__dict__['_mock_methods'] = sorted(
                set(names).union(dir(_code_mock.__code__)))
    fake.co_flags = _CO_COROUTINE_FLAG
    return fake


def _await_failures(mock):
    return (f'Expected {_who(mock)} to have been awaited once. '
            f'Awaited {mock.await_count} times.')


class AsyncMockMixin(Base):
    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = self.__dict__
        if _COROUTINE_TAG is not None:
            # recognised as a coroutine function by asyncio and inspect
            attrs['_is_coroutine'] = _COROUTINE_TAG
        attrs['_mock_await_count'] = 0
        attrs['_mock_await_args'] = None
        attrs['_mock_await_args_list'] = _CallList()
        attrs['__code__'] = _code_mock()
        attrs['__name__'] = 'AsyncMock'
        attrs['__defaults__'] = ()
        attrs['__kwdefaults__'] = {}
        attrs['__annotations__'] = None

    async def _execute_mock_call(self, /, *args, **kwargs):
        latest = _Call((args, kwargs), two=True)
        self.await_count += 1
        self.await_args = latest
        self.await_args_list.append(latest)

        effect = self.side_effect
        if effect is not None:
            if _is_error(effect):
                raise effect
            if not _callable(effect):
                try:
                    outcome = next(effect)
                except StopIteration:
                    # StopIteration may not leave a coroutine
                    raise StopAsyncIteration
                if _is_error(outcome):
                    raise outcome
            elif _is_coro_fn(effect):
                outcome = await effect(*args, **kwargs)
            else:
                outcome = effect(*args, **kwargs)
            if outcome is not DEFAULT:
                return outcome

        if self._mock_return_value is not DEFAULT:
            return self.return_value
        wrapped = self._mock_wraps
        if wrapped is None:
            return self.return_value
        if _is_coro_fn(wrapped):
            return await wrapped(*args, **kwargs)
        return wrapped(*args, **kwargs)

    def assert_awaited(self):
        """Fail unless the mock was awaited."""
        if not self.await_count:
            raise AssertionError(
                f'Expected {_who(self)} to have been awaited.')

    def assert_awaited_once(self):
        """Fail unless the mock was awaited exactly once."""
        if self.await_count != 1:
            raise AssertionError(_await_failures(self))

    def assert_awaited_with(self, /, *args, **kwargs):
        """Fail unless the latest await had these arguments."""
        if self.await_args is None:
            wanted = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {wanted}\nNot awaited')
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        if self._call_matcher(self.await_args) == wanted:
            return
        cause = wanted if isinstance(wanted, Exception) else None
        raise AssertionError(self._format_mock_failure_message(
            args, kwargs, action='await')) from cause

    def assert_awaited_once_with(self, /, *args, **kwargs):
        """Fail unless there was exactly one await, with these arguments."""
        if self.await_count != 1:
            raise AssertionError(_await_failures(self))
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        """Fail unless some await had these arguments."""
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        cause = wanted if isinstance(wanted, Exception) else None
        history = _AnyComparer(self._call_matcher(one)
                               for one in self.await_args_list)
        if cause is not None or wanted not in history:
            shown = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'{shown} await not found') from cause

    def assert_has_awaits(self, calls, any_order=False):
        """Fail unless `await_args_list` holds ``calls``: as a consecutive
        run, or anywhere with ``any_order``."""
        wanted = [self._call_matcher(one) for one in calls]
        cause = _first_error(wanted)
        recorded = _CallList(self._call_matcher(one)
                             for one in self.await_args_list)
        if any_order:
            left = list(recorded)
            absent = []
            for one in wanted:
                if one in left:
                    left.remove(one)
                else:
                    absent.append(one)
            if absent:
                raise AssertionError(
                    f'{tuple(absent)!r} not all found in await list'
                ) from cause
            return
        if wanted in recorded:
            return
        if cause is None:
            headline = 'Awaits not found.'
        else:
            flagged = [one if isinstance(one, Exception) else None
                       for one in wanted]
            headline = f'Error processing expected awaits.\nErrors: {flagged}'
        raise AssertionError(
            f'{headline}\nExpected: {_CallList(calls)}\n'
            f'Actual: {self.await_args_list}') from cause

    def assert_not_awaited(self):
        """Fail if the mock was ever awaited."""
        if self.await_count:
            raise AssertionError(
                f'Expected {_who(self)} to not have been awaited. '
                f'Awaited {self.await_count} times.')

    def reset_mock(self, /, *args, **kwargs):
        """Like `Mock.reset_mock`, and forget the awaits too."""
        super().reset_mock(*args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()


for _field in ('await_count', 'await_args', 'await_args_list'):
    setattr(AsyncMockMixin, _field, _via_delegate(_field))
del _field


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """
    Asynchronous `MagicMock`: a call returns an awaitable that produces the
    `side_effect` / `return_value` result; awaits are counted in
    `await_count`, `await_args` and `await_args_list`.
    """


class PropertyMock(Mock):
    """
    Mock to put on a class as a property: reading the attribute calls it
    with no arguments, assigning calls it with the new value.
    """

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


# ===========================================================================
# autospec

_FORWARDED_ASSERTS = (
    'assert_called_with', 'assert_called_once_with', 'assert_has_calls',
    'assert_any_call', 'assert_called', 'assert_not_called',
    'assert_called_once',
)

_FORWARDED_AWAIT_ASSERTS = (
    'assert_awaited', 'assert_awaited_once', 'assert_awaited_with',
    'assert_awaited_once_with', 'assert_any_await', 'assert_has_awaits',
    'assert_not_awaited',
)


def _forwarder(get_target, method_name):
    def forward(*args, **kwargs):
        return getattr(get_target(), method_name)(*args, **kwargs)
    forward.__name__ = forward.__qualname__ = method_name
    return forward


def _dress_function(funcopy, mock, sig):
    """Give the signature-checking function ``funcopy`` the look of
    ``mock``: call bookkeeping, assertions, return value, side effect."""
    funcopy.mock = mock
    for field, start in (('called', False), ('call_count', 0),
                         ('call_args', None)):
        setattr(funcopy, field, start)
    for field in ('call_args_list', 'method_calls', 'mock_calls'):
        setattr(funcopy, field, _CallList())
    funcopy.return_value = mock.return_value
    funcopy.side_effect = mock.side_effect
    funcopy._mock_children = mock._mock_children

    for method_name in _FORWARDED_ASSERTS:
        setattr(funcopy, method_name,
                _forwarder(lambda: mock, method_name))

    def reset_mock():
        funcopy.method_calls = _CallList()
        funcopy.mock_calls = _CallList()
        mock.reset_mock()
        result = funcopy.return_value
        if result is not mock and _is_instance_mock(result):
            result.reset_mock()

    funcopy.reset_mock = reset_mock
    funcopy.__signature__ = sig
    mock._mock_delegate = funcopy


def _dress_async_function(mock):
    mock._is_coroutine = _COROUTINE_TAG
    mock.await_count = 0
    mock.await_args = None
    mock.await_args_list = _CallList()
    for method_name in _FORWARDED_AWAIT_ASSERTS:
        setattr(mock, method_name,
                _forwarder(lambda: mock.mock, method_name))


def _signature_function(mock, original, instance=False):
    """A real function with ``original``'s signature that checks each call
    and then hands it to ``mock``; ``mock`` itself when there is no
    signature to be had."""
    found = _signature_for(original, instance,
                                  isinstance(original, type))
    if found is None:
        return mock
    source, signature = found
    check = _sig_checker(source, signature)

    label = getattr(original, '__name__', None)
    if not (isinstance(label, str) and label.isidentifier()):
        label = 'funcopy'

    # an ordinary function even for a coroutine function: the signature is
    # checked at call time, and the mock produces the awaitable
    def funcopy(*args, **kwargs):
        check(*args, **kwargs)
        return mock(*args, **kwargs)
    funcopy.__name__ = funcopy.__qualname__ = label
    _dress_function(funcopy, mock, signature)
    return funcopy


def _skips_first_arg(spec, entry, is_type):
    """Whether calls to ``spec.entry`` leave out the first parameter."""
    if not isinstance(spec, type):
        if entry in getattr(spec, '__dict__', {}):
            # set on the instance itself: a plain callable attribute
            return False
        spec = spec.__class__
    for klass in spec.__mro__:
        member = klass.__dict__.get(entry, DEFAULT)
        if member is DEFAULT:
            continue
        # methods looked up on the class skip self only if is_type
        return is_type if isinstance(member, FunctionTypes) else False
    return is_type


def _autospec_mock_class(spec, is_type, instance):
    if inspect.isdatadescriptor(spec):
        return MagicMock
    if is_type and instance and not _instances_callable(spec):
        return NonCallableMagicMock
    if not _callable(spec):
        return NonCallableMagicMock
    return MagicMock


def _autospec_method(mock, spec, entry, original, spec_kwargs, is_type):
    """Child mock for a function or method found on the spec."""
    owner = mock.mock if isinstance(spec, FunctionTypes) else mock
    skip = _skips_first_arg(spec, entry, is_type)
    klass = AsyncMock if _is_coro_fn(original) else MagicMock
    child = klass(parent=owner, name=entry, _new_name=entry,
                  _new_parent=owner, _eat_self=skip, **spec_kwargs)
    mock._mock_children[entry] = child
    child.return_value = klass()
    _install_sig_check(original, child, skipfirst=skip)
    return child


def create_autospec(spec, spec_set=False, instance=False, _parent=None,
                    _name=None, *, unsafe=False, **kwargs):
    """Make a mock shaped like ``spec``: attributes are specced lazily
    from the spec's own, and calls to functions and methods must fit their
    signatures (TypeError otherwise).  With ``instance=True`` a class spec
    stands for an instance of the class."""
    if _is_name_list(spec):
        # a list spec means "a list", not the names in it
        spec = type(spec)
    if _is_instance_mock(spec):
        raise _invalid_spec('Cannot autospec a Mock object.', object=spec)
    is_type = isinstance(spec, type)
    coroutine_function = _is_coroutine_function(spec)

    if spec is None:
        options = {}
    else:
        options = {'spec_set' if spec_set else 'spec': spec}
        if instance:
            options['_spec_as_instance'] = True
    if not unsafe:
        _reject_spec_typos(kwargs)
    options.update(kwargs)

    klass = _autospec_mock_class(spec, is_type, instance)
    if inspect.isdatadescriptor(spec):
        # a descriptor is no useful spec for the mock standing in for it
        options = {}
    _name = options.pop('name', _name)
    mock = klass(parent=_parent, _new_parent=_parent,
                 _new_name='' if _parent is None else _name,
                 name=_name, **options)

    if isinstance(spec, FunctionTypes):
        # only ever at the top: functions are not recursed into
        mock = _signature_function(mock, spec)
        if coroutine_function:
            _dress_async_function(mock)
    else:
        _install_sig_check(spec, mock, is_type, instance)

    if _parent is not None and not instance:
        _parent._mock_children[_name] = mock

    if is_type and not instance and 'return_value' not in kwargs:
        mock.return_value = create_autospec(spec, spec_set, instance=True,
                                            _name='()', _parent=mock)

    strict = bool(options.get('spec_set'))
    for entry in dir(spec):
        if _is_magic(entry):
            # the MagicMock supplies the useful ones already
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        if isinstance(original, FunctionTypes):
            spec_kwargs = {'spec_set' if strict else 'spec': original}
            _autospec_method(mock, spec, entry, original, spec_kwargs,
                             is_type)
        else:
            mock._mock_children[entry] = _SpecState(
                original, spec_set, mock, entry, instance)
    return mock


# ===========================================================================
# seal

def seal(mock):
    """Seal ``mock`` and its child mocks: fetching an attribute that was
    never set up, or setting a new one, raises AttributeError."""
    mock._mock_sealed = True
    for entry in dir(mock):
        try:
            child = getattr(mock, entry)
        except AttributeError:
            continue
        if not isinstance(child, NonCallableMock):
            continue
        if isinstance(child._mock_children.get(entry), _SpecState):
            continue
        if child._mock_new_parent is mock:
            seal(child)


# ===========================================================================
# patch

def _attr_or_import(thing, comp, import_path):
    try:
        return getattr(thing, comp)
    except AttributeError:
        __import__(import_path)
        return getattr(thing, comp)


def _importer(target):
    head, *rest = target.split('.')
    found = __import__(head)
    for piece in rest:
        head = f'{head}.{piece}'
        found = _attr_or_import(found, piece, head)
    return found


def _get_target(target):
    try:
        where, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(
            f'Need a valid target to patch. You supplied: {target!r}')
    return partial(_importer, where), attribute


_BUILTIN_NAMES = frozenset(name for name in dir(builtins)
                      if not name.startswith('_'))

# attributes that are put back by assignment even after deleting the patch
_RESTORE_BY_SETATTR = ('__doc__', '__module__', '__defaults__',
                       '__annotations__', '__kwdefaults__')


def _test_methods(klass):
    """(name, value) of the callable test methods of a class."""
    for name in dir(klass):
        if name.startswith(patch.TEST_PREFIX):
            value = getattr(klass, name)
            if _callable(value):
                yield name, value


def _spec_is_callable(spec):
    if _is_name_list(spec):
        return '__call__' in spec
    return callable(spec)


class _patch(object):

    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set,
                 autospec, new_callable, kwargs, *, unsafe=False):
        if new_callable is not None:
            for clash, value in (('new', new is not DEFAULT),
                                 ('autospec', autospec is not None)):
                if value:
                    raise ValueError(f"Cannot use '{clash}' and "
                                     "'new_callable' together")
        if not unsafe:
            _reject_spec_typos(kwargs)
        if _is_instance_mock(spec):
            raise _invalid_spec(
                f'Cannot spec attr {attribute!r} as the spec has already '
                'been mocked out.', spec=spec)
        if _is_instance_mock(spec_set):
            raise _invalid_spec(
                f'Cannot spec attr {attribute!r} as the spec_set target '
                'has already been mocked out.', spec_set=spec_set)
        vars(self).update(
            getter=getter, attribute=attribute, new=new,
            new_callable=new_callable, spec=spec, create=create,
            has_local=False, spec_set=spec_set, autospec=autospec,
            kwargs=kwargs, additional_patchers=[], unsafe=unsafe)

    def copy(self):
        twin = _patch(self.getter, self.attribute, self.new, self.spec,
                      self.create, self.spec_set, self.autospec,
                      self.new_callable, self.kwargs, unsafe=self.unsafe)
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [extra.copy()
                                    for extra in self.additional_patchers]
        return twin

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        if inspect.iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for name, method in list(_test_methods(klass)):
            setattr(klass, name, self.copy()(method))
        return klass

    @contextlib.contextmanager
    def decoration_helper(self, patched, args, keywargs):
        added = []
        with contextlib.ExitStack() as stack:
            for patcher in patched.patchings:
                made = stack.enter_context(patcher)
                if patcher.attribute_name is not None:
                    keywargs.update(made)
                elif patcher.new is DEFAULT:
                    added.append(made)
            yield args + tuple(added), keywargs

    def _join_or_wrap(self, func, wrapper):
        if hasattr(func, 'patchings'):
            # already wrapped by a patch decorator: share that wrapper
            func.patchings.append(self)
            return func
        wrapper = wraps(func)(wrapper)
        wrapper.patchings = [self]
        return wrapper

    def decorate_callable(self, func):
        def run_patched(*args, **kw):
            helper = self.decoration_helper(run_patched, args, kw)
            with helper as (full_args, full_kw):
                return func(*full_args, **full_kw)
        run_patched = self._join_or_wrap(func, run_patched)
        return run_patched

    def decorate_async_callable(self, func):
        async def run_patched(*args, **kw):
            helper = self.decoration_helper(run_patched, args, kw)
            with helper as (full_args, full_kw):
                return await func(*full_args, **full_kw)
        run_patched = self._join_or_wrap(func, run_patched)
        return run_patched

    def get_original(self):
        target = self.getter()
        name = self.attribute
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
            local = False
        else:
            local = True
        if name in _BUILTIN_NAMES and isinstance(target, ModuleType):
            self.create = True
        if original is DEFAULT and not self.create:
            raise AttributeError(
                f'{target} does not have the attribute {name!r}')
        return original, local

    # -- building the replacement ---------------------------------------

    def _default_replacement(self, original, spec, spec_set):
        """The mock made when neither ``new`` nor ``autospec`` is given."""
        if spec is True:
            # spec (or spec_set) taken from the object being replaced
            if spec_set is True:
                spec, spec_set = None, original
            else:
                spec = original
        elif spec is not None:
            if spec_set is True:
                spec, spec_set = None, spec
        elif spec_set is True:
            spec_set = original

        chosen = spec_set if spec_set is not None else spec
        class_spec = False
        if chosen is not None:
            if original is DEFAULT:
                raise TypeError("Can't use 'spec' with create=True")
            class_spec = isinstance(original, type)

        if self.new_callable is not None:
            factory = self.new_callable
        elif spec is None and _is_async_thing(original):
            factory = AsyncMock
        else:
            factory = MagicMock
        if self.new_callable is None and chosen is not None:
            if _is_coroutine_function(chosen):
                factory = AsyncMock
            elif not _spec_is_callable(chosen):
                factory = NonCallableMagicMock

        options = {}
        if spec is not None:
            options['spec'] = spec
        if spec_set is not None:
            options['spec_set'] = spec_set
        if (self.attribute and isinstance(factory, type) and
                issubclass(factory, NonCallableMock)):
            options['name'] = self.attribute
        options.update(self.kwargs)
        made = factory(**options)

        if class_spec and _is_instance_mock(made):
            # the mock class returns a mock instance of the same shape
            instance_factory = factory
            if not _is_name_list(chosen) and not _instances_callable(chosen):
                instance_factory = NonCallableMagicMock
            options.pop('name')
            made.return_value = instance_factory(
                _new_parent=made, _new_name='()', **options)
        return made

    def _autospec_replacement(self, original, autospec, spec_set):
        if self.new is not DEFAULT:
            raise TypeError("autospec creates the mock for you. Can't "
                            "specify autospec and new.")
        if original is DEFAULT:
            raise TypeError("Can't use 'autospec' with create=True")
        if autospec is True:
            autospec = original
        where = self.target
        if _is_instance_mock(where):
            raise _invalid_spec(
                f'Cannot autospec attr {self.attribute!r} as the patch '
                'target has already been mocked out.', target=where,
                attr=autospec)
        if _is_instance_mock(autospec):
            shown = getattr(where, '__name__', where)
            raise _already_mocked_attr(self.attribute, shown, where,
                                       autospec)
        return create_autospec(autospec, spec_set=bool(spec_set),
                               _name=self.attribute, **self.kwargs)

    def __enter__(self):
        """Apply the patch."""
        self.target = self.getter()
        spec = None if self.spec is False else self.spec
        spec_set = None if self.spec_set is False else self.spec_set
        autospec = None if self.autospec is False else self.autospec

        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if (spec is not None or autospec is not None) and \
                spec_set not in (True, None):
            raise TypeError(
                "Can't provide explicit spec_set *and* spec or autospec")

        original, local = self.get_original()
        if autospec is not None:
            replacement = self._autospec_replacement(original, autospec,
                                                     spec_set)
        elif self.new is DEFAULT:
            replacement = self._default_replacement(original, spec,
                                                    spec_set)
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        else:
            replacement = self.new

        self.temp_original = original
        self.is_local = local
        self._exit_stack = contextlib.ExitStack()
        try:
            setattr(self.target, self.attribute, replacement)
            if self.attribute_name is None:
                return replacement
            made = {}
            if self.new is DEFAULT:
                made[self.attribute_name] = replacement
            for extra in self.additional_patchers:
                result = self._exit_stack.enter_context(extra)
                if extra.new is DEFAULT:
                    made.update(result)
            return made
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def __exit__(self, *exc_info):
        """Undo the patch."""
        local = self.is_local
        target, name = self.target, self.attribute
        original = self.temp_original
        if local and original is not DEFAULT:
            setattr(target, name, original)
        else:
            try:
                delattr(target, name)
            except (AttributeError, TypeError):
                # some interpreters refuse to delete e.g. a function's
                # __doc__; those names are assigned back just below
                if self.create or name not in _RESTORE_BY_SETATTR:
                    raise
            if not self.create and (not hasattr(target, name) or
                                    name in _RESTORE_BY_SETATTR):
                # e.g. proxy objects that forward attribute access
                setattr(target, name, original)
        stack = self._exit_stack
        del self.temp_original, self.is_local, self.target
        del self._exit_stack
        return stack.__exit__(*exc_info)

    def start(self):
        """Apply the patch until `stop` is called; returns the mock."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Undo a patch applied with `start`."""
        if self not in self._active_patches:
            return None
        self._active_patches.remove(self)
        return self.__exit__(None, None, None)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False,
                  spec_set=None, autospec=None, new_callable=None,
                  *, unsafe=False, **kwargs):
    """
    patch.object(target, attribute, new=DEFAULT, spec=None, create=False,
                 spec_set=None, autospec=None, new_callable=None,
                 **kwargs)

    Like `patch`, for the attribute ``attribute`` of the object ``target``.
    """
    if type(target) is str:
        raise TypeError(
            f'{target!r} must be the actual object to be patched, not a str')
    return _patch(lambda: target, attribute, new, spec, create, spec_set,
                  autospec, new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None,
                    autospec=None, new_callable=None, **kwargs):
    """Several patches of one target at once, one per keyword argument.
    DEFAULT as a value asks for a mock, which is passed to a decorated
    function by keyword or found in the dict a with-statement gets."""
    if type(target) is str:
        getter = partial(_importer, target)
    else:
        def getter():
            return target
    if not kwargs:
        raise ValueError(
            'Must supply at least one keyword argument with patch.multiple')
    patchers = []
    for attribute, new in kwargs.items():
        one = _patch(getter, attribute, new, spec, create, spec_set,
                     autospec, new_callable, {})
        one.attribute_name = attribute
        patchers.append(one)
    head = patchers[0]
    head.additional_patchers.extend(patchers[1:])
    return head


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None,
          autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """
    Replace ``target`` (a dotted "package.module.attribute" string) with
    ``new`` for the duration of a decorated function or class, or of a
    with-statement, then put the original back.

    Without ``new`` a MagicMock (AsyncMock for an async function) is made;
    decorated functions receive it as an extra argument and the
    with-statement binds it.  ``spec``, ``spec_set``, ``autospec``,
    ``create`` and ``new_callable`` shape that mock; other keyword
    arguments configure it.
    """
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


def _copy_mapping(mapping):
    try:
        return mapping.copy()
    except AttributeError:
        # mapping-like object without copy(): it can at least iterate
        return {key: mapping[key] for key in mapping}


def _fill_mapping(mapping, values):
    try:
        mapping.update(values)
    except AttributeError:
        for key in values:
            mapping[key] = values[key]


def _empty_mapping(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


class _patch_dict(object):
    """
    Change a dictionary (or mapping, or the dotted name of one) for a test
    and restore its exact contents afterwards.  ``values`` (mapping or
    pairs) and keyword arguments are added, after emptying it first if
    ``clear`` is true.
    """

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f):
        @wraps(f)
        def with_dict_patched(*args, **kw):
            with self:
                return f(*args, **kw)
        return with_dict_patched

    def decorate_async_callable(self, f):
        @wraps(f)
        async def with_dict_patched(*args, **kw):
            with self:
                return await f(*args, **kw)
        return with_dict_patched

    def decorate_class(self, klass):
        for name, method in list(_test_methods(klass)):
            fresh = _patch_dict(self.in_dict, self.values, self.clear)
            setattr(klass, name, fresh(method))
        return klass

    def __enter__(self):
        """Apply the changes to the dict."""
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _importer(self.in_dict)
        mapping = self.in_dict
        self._original = _copy_mapping(mapping)
        if self.clear:
            _empty_mapping(mapping)
        _fill_mapping(mapping, self.values)

    def _unpatch_dict(self):
        mapping = self.in_dict
        _empty_mapping(mapping)
        _fill_mapping(mapping, self._original)

    def __exit__(self, *args):
        """Restore the dict."""
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        """Apply the changes until `stop` is called."""
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        """Undo changes applied with `start`."""
        if self not in _patch._active_patches:
            return None
        _patch._active_patches.remove(self)
        return self.__exit__(None, None, None)


def _patch_stopall():
    """Stop every patch started with `start`, newest first."""
    for patcher in reversed(_patch._active_patches):
        patcher.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'


# ===========================================================================
# mock_open

file_spec = None
open_spec = None

# what a file object offers, should dir() of the io classes be incomplete
_FILE_API = '''
    __class__ __del__ __delattr__ __dict__ __dir__ __doc__ __enter__ __eq__
    __exit__ __format__ __ge__ __getattribute__ __getstate__ __gt__
    __hash__ __init__ __init_subclass__ __iter__ __le__ __lt__ __ne__
    __new__ __next__ __reduce__ __reduce_ex__ __repr__ __setattr__
    __setstate__ __sizeof__ __str__ __subclasshook__ _CHUNK_SIZE
    _checkClosed _checkReadable _checkSeekable _checkWritable _finalizing
    buffer close closed detach encoding errors fileno flush getbuffer
    getvalue isatty line_buffering name newlines read read1 readable
    readinto readinto1 readline readlines reconfigure seek seekable tell
    truncate writable write write_through writelines
'''.split()


def _stream_of(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def _file_spec():
    global file_spec
    if file_spec is None:
        every = set(_FILE_API)
        for klass in (io.TextIOWrapper, io.BytesIO):
            every.update(dir(klass))
        file_spec = sorted(every)
    return file_spec


def _open_spec():
    global open_spec
    if open_spec is None:
        open_spec = list(set(dir(open)))
    return open_spec


class _OpenData:
    """The data a mock_open handle reads, rewound on each open()."""

    def __init__(self, handle, read_data):
        self.handle = handle
        self.read_data = read_data
        self.stream = _stream_of(read_data)
        self.line_source = None

    def preset(self, method):
        # a return value set by the user wins over the data
        return getattr(self.handle, method).return_value

    def read(self, *args, **kwargs):
        fixed = self.preset('read')
        if fixed is not None:
            return fixed
        return self.stream.read(*args, **kwargs)

    def readlines(self, *args, **kwargs):
        fixed = self.preset('readlines')
        if fixed is not None:
            return fixed
        return self.stream.readlines(*args, **kwargs)

    def lines(self):
        fixed = self.preset('readline')
        if fixed is not None:
            while True:
                yield fixed
        yield from self.stream

    def readline_feed(self):
        yield from self.lines()
        while True:
            yield self.stream.readline()

    def next_line(self):
        fixed = self.preset('readline')
        if fixed is not None:
            return fixed
        return next(self.stream)

    def install_readline(self):
        self.line_source = self.readline_feed()
        self.handle.readline.side_effect = self.line_source

    def rewind(self, *args, **kwargs):
        self.stream = _stream_of(self.read_data)
        # a readline side effect the user put in place is left alone
        if self.handle.readline.side_effect == self.line_source:
            self.install_readline()
        return DEFAULT


def mock_open(mock=None, read_data=''):
    """
    A mock to stand in for `open`, called directly or used as a context
    manager.

    ``mock`` is the mock to set up (by default a MagicMock with the spec of
    `open`).  ``read_data`` (str or bytes) feeds the handle's `read`,
    `readline`, `readlines` and iteration, and starts over on each call.
    """
    if mock is None:
        mock = MagicMock(name='open', spec=_open_spec())
    handle = MagicMock(spec=_file_spec())
    handle.__enter__.return_value = handle
    for method in ('write', 'read', 'readline', 'readlines'):
        getattr(handle, method).return_value = None

    data = _OpenData(handle, read_data)
    handle.read.side_effect = data.read
    data.install_readline()
    handle.readlines.side_effect = data.readlines
    handle.__iter__.side_effect = data.lines
    handle.__next__.side_effect = data.next_line

    mock.side_effect = data.rewind
    mock.return_value = handle
    return mock
