"""Inspection of live objects (CPython's `inspect`): type predicates,
getmembers, source lookup (getsource, getsourcelines, getdoc, cleandoc),
callable signatures (signature, Signature, Parameter, BoundArguments),
getfullargspec, getcallargs, getattr_static, generator and coroutine
states, getclosurevars, unwrap and frame helpers (currentframe, stack).

Signatures of builtins come from their `__text_signature__` (CPython's
text, which the builtins module's functions and the builtin types'
methods carry; others raise ValueError as CPython does for a builtin
without one). Left out: the `inspect` command line,
markcoroutinefunction (3.12) and exact column positions in
FrameInfo/Traceback (`positions` is None).

krait has no `tokenize` or `ast`: getblock finds the end of a block by
reading indentation, brackets and strings line by line, and class
sources are found by matching `class Name` lines along the qualname.
"""

import sys
import os
import re
import types
import enum
import functools
import linecache
import collections.abc
from collections import namedtuple

from keyword import iskeyword

__all__ = [
    "ArgInfo", "Arguments", "Attribute", "BlockFinder", "BoundArguments", "ClosureVars",
    "CO_ASYNC_GENERATOR", "CO_COROUTINE", "CO_GENERATOR",
    "CO_ITERABLE_COROUTINE", "CO_NESTED", "CO_NEWLOCALS", "CO_NOFREE",
    "CO_OPTIMIZED", "CO_VARARGS", "CO_VARKEYWORDS", "CORO_CLOSED",
    "CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED", "EndOfBlock",
    "FrameInfo", "FullArgSpec", "GEN_CLOSED", "GEN_CREATED", "GEN_RUNNING",
    "GEN_SUSPENDED", "Parameter", "Signature", "TPFLAGS_IS_ABSTRACT",
    "Traceback", "classify_class_attrs", "cleandoc", "currentframe",
    "findsource", "formatannotation", "formatannotationrelativeto",
    "formatargvalues", "getargs", "getcomments",
    "get_annotations", "getabsfile", "getargvalues", "getattr_static",
    "getblock", "getcallargs", "getclasstree", "getclosurevars",
    "getcoroutinelocals", "getcoroutinestate", "getdoc", "getfile",
    "getframeinfo", "getfullargspec", "getgeneratorlocals",
    "getgeneratorstate", "getinnerframes", "getlineno", "getmembers",
    "getmembers_static", "getmodule", "getmodulename", "getmro",
    "getouterframes", "getsource", "getsourcefile", "getsourcelines",
    "indentsize", "isabstract", "isasyncgen", "isasyncgenfunction",
    "isawaitable", "isbuiltin", "isclass", "iscode", "iscoroutine",
    "iscoroutinefunction", "isdatadescriptor", "isframe", "isfunction",
    "isgenerator", "isgeneratorfunction", "isgetsetdescriptor",
    "ismemberdescriptor", "ismethod", "ismethoddescriptor",
    "ismethodwrapper", "ismodule", "isroutine", "istraceback", "signature",
    "stack", "trace", "unwrap", "walktree",
]

# Code object flags (co_flags).
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

TPFLAGS_IS_ABSTRACT = 1 << 20


# ---------------------------------------------------------------------------
# The interpreter's internal types.  krait merges some of CPython's
# descriptor types (a slot wrapper is a method_descriptor, a method-wrapper
# is a builtin_function_or_method) and lacks getset descriptors; a type
# krait does not have separately becomes a private class nothing is an
# instance of, so the predicates keep CPython's answers.

def _frame_and_traceback_types():
    try:
        raise TypeError
    except TypeError as exc:
        tb = exc.__traceback__
    return type(tb.tb_frame), type(tb)


_FrameType, _TracebackType = _frame_and_traceback_types()
del _frame_and_traceback_types


class _Absent:
    """Stands for an internal type this interpreter does not have."""


def _internal_type(name, find, *taken):
    tp = getattr(types, name, None)
    if tp is None:
        try:
            tp = find()
        except (AttributeError, KeyError, TypeError):
            tp = None
    if tp is None or tp in taken:
        return type(name, (_Absent,), {})
    return tp


_MethodDescriptorType = _internal_type(
    "MethodDescriptorType", lambda: type(str.join),
    types.BuiltinFunctionType)
_WrapperDescriptorType = _internal_type(
    "WrapperDescriptorType", lambda: type(object.__init__),
    types.BuiltinFunctionType, _MethodDescriptorType)
_MethodWrapperType = _internal_type(
    "MethodWrapperType", lambda: type(object().__str__),
    types.BuiltinFunctionType, _MethodDescriptorType)
_ClassMethodDescriptorType = _internal_type(
    "ClassMethodDescriptorType", lambda: type(dict.__dict__["fromkeys"]),
    classmethod)


class _SlotsProbe:
    __slots__ = ("slot",)


_MemberDescriptorType = _internal_type(
    "MemberDescriptorType", lambda: type(_SlotsProbe.__dict__["slot"]))
_GetSetDescriptorType = _internal_type(
    "GetSetDescriptorType",
    lambda: type(types.FunctionType.__dict__["__code__"]),
    _MemberDescriptorType)
del _SlotsProbe

# krait's builtin descriptor types do not show `__get__`/`__set__` as
# attributes of the type; these tuples say which protocol they follow.
_GETTING_TYPES = (classmethod, staticmethod, types.FunctionType,
                  _MethodDescriptorType, _WrapperDescriptorType,
                  _ClassMethodDescriptorType)
_DATA_TYPES = (property, _MemberDescriptorType, _GetSetDescriptorType)
_DESCRIPTOR_TYPES = _GETTING_TYPES + _DATA_TYPES


def _type_has_get(tp):
    return hasattr(tp, "__get__") or issubclass(tp, _DESCRIPTOR_TYPES)


def _type_sets(tp):
    return (hasattr(tp, "__set__") or hasattr(tp, "__delete__")
            or issubclass(tp, _DATA_TYPES))


# ---------------------------------------------------------------------------
# Predicates (one isinstance test each, against the types named here)

_ModuleType = types.ModuleType
_BoundMethod = types.MethodType
_PyFunction = types.FunctionType
_CodeType = types.CodeType
_NativeFunction = types.BuiltinFunctionType
_Generator = types.GeneratorType
_Coroutine = types.CoroutineType
_AsyncGenerator = types.AsyncGeneratorType


def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _BoundMethod)


def isfunction(object):
    return isinstance(object, _PyFunction)


def _code_flags(obj):
    """co_flags of the Python function behind `obj` (looking through
    bound methods and functools.partial), 0 for anything else."""
    while isinstance(obj, _BoundMethod):
        obj = obj.__func__
    while isinstance(obj, functools.partial):
        obj = obj.func
    if isinstance(obj, _PyFunction):
        return obj.__code__.co_flags
    return 0


def isgeneratorfunction(obj):
    return _code_flags(obj) & CO_GENERATOR != 0


def iscoroutinefunction(obj):
    return _code_flags(obj) & CO_COROUTINE != 0


def isasyncgenfunction(obj):
    return _code_flags(obj) & CO_ASYNC_GENERATOR != 0


def isasyncgen(object):
    return isinstance(object, _AsyncGenerator)


def isgenerator(object):
    return isinstance(object, _Generator)


def iscoroutine(object):
    return isinstance(object, _Coroutine)


def isawaitable(object):
    """Coroutines, generators marked as iterable coroutines, and objects
    with __await__."""
    if isinstance(object, _Coroutine):
        return True
    if isinstance(object, _Generator):
        if object.gi_code.co_flags & CO_ITERABLE_COROUTINE:
            return True
    return isinstance(object, collections.abc.Awaitable)


def istraceback(object):
    return isinstance(object, _TracebackType)


def isframe(object):
    return isinstance(object, _FrameType)


def iscode(object):
    return isinstance(object, _CodeType)


def isbuiltin(object):
    return isinstance(object, _NativeFunction)


def ismethodwrapper(object):
    return isinstance(object, _MethodWrapperType)


def _plain_callable(object):
    # Classes, bound methods and Python functions are never descriptors
    # for these predicates.
    return isinstance(object, (type, _BoundMethod, _PyFunction))


def ismethoddescriptor(object):
    """True for objects whose type has __get__ but no __set__/__delete__
    (and that are no class, method or function)."""
    if _plain_callable(object):
        return False
    kind = type(object)
    return not _type_sets(kind) and _type_has_get(kind)


def isdatadescriptor(object):
    """True for objects whose type defines __set__ or __delete__."""
    return not _plain_callable(object) and _type_sets(type(object))


def ismemberdescriptor(object):
    return isinstance(object, _MemberDescriptorType)


def isgetsetdescriptor(object):
    return isinstance(object, _GetSetDescriptorType)


def isroutine(object):
    """Functions, methods and builtins of every kind."""
    return (isinstance(object, (_NativeFunction, _PyFunction, _BoundMethod))
            or ismethoddescriptor(object))


def isabstract(object):
    """A class with abstract methods left (flag or __abstractmethods__)."""
    if isinstance(object, type):
        if getattr(object, "__flags__", 0) & TPFLAGS_IS_ABSTRACT:
            return True
        return bool(getattr(object, "__abstractmethods__", False))
    return False


# ---------------------------------------------------------------------------
# Members

def getmro(cls):
    """Return the class's method resolution order as a tuple."""
    return cls.__mro__


_DynamicClassAttribute = getattr(types, "DynamicClassAttribute", None)


def _members(object, predicate, getter):
    names = dir(object)
    mro = getmro(object) if isclass(object) else ()
    if mro:
        # DynamicClassAttribute members raise on the class; list them too.
        if _DynamicClassAttribute is not None:
            for base in object.__bases__:
                for name, value in base.__dict__.items():
                    if isinstance(value, _DynamicClassAttribute):
                        names.append(name)
    results = []
    seen = set()
    for name in names:
        if name in seen:
            continue
        try:
            value = getter(object, name)
        except AttributeError:
            for base in mro:
                if name in base.__dict__:
                    value = base.__dict__[name]
                    break
            else:
                continue
        seen.add(name)
        if predicate is None or predicate(value):
            results.append((name, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by
    name, only those satisfying `predicate` when it is given."""
    return _members(object, predicate, getattr)


def getmembers_static(object, predicate=None):
    """Like getmembers, but looks attributes up with getattr_static, so no
    descriptor or __getattr__ runs."""
    return _members(object, predicate, getattr_static)


Attribute = namedtuple("Attribute", "name kind defining_class object")


def classify_class_attrs(cls):
    """Return (name, kind, defining_class, object) for each attribute of a
    class; kind is 'class method', 'static method', 'property', 'method'
    or 'data'."""
    mro = getmro(cls)
    metamro = tuple(c for c in getmro(type(cls)) if c not in (type, object))
    result = []
    for name in dir(cls):
        home = None
        dict_obj = None
        for base in mro + metamro:
            if name in base.__dict__:
                home = base
                dict_obj = base.__dict__[name]
                break
        try:
            obj = getattr(cls, name)
        except AttributeError:
            if home is None:
                continue
            obj = dict_obj
        if home is None:
            dict_obj = obj
        if isinstance(dict_obj, (staticmethod, types.BuiltinMethodType)):
            kind, obj = "static method", dict_obj
        elif isinstance(dict_obj, (classmethod, _ClassMethodDescriptorType)):
            kind, obj = "class method", dict_obj
        elif isinstance(dict_obj, property):
            kind, obj = "property", dict_obj
        elif isroutine(obj):
            kind = "method"
        else:
            kind = "data"
        result.append(Attribute(name, kind, home, obj))
    return result


def getclasstree(classes, unique=False):
    """Arrange classes into nested lists: each entry is a (class, bases)
    tuple, followed by a list of its subclasses' entries."""
    children = {}
    roots = []
    for cls in classes:
        if cls.__bases__:
            for parent in cls.__bases__:
                children.setdefault(parent, [])
                if cls not in children[parent]:
                    children[parent].append(cls)
                if unique and parent in classes:
                    break
        elif cls not in roots:
            roots.append(cls)
    for parent in children:
        if parent not in classes:
            roots.append(parent)
    return walktree(roots, children, None)


def walktree(classes, children, parent):
    """The nested lists getclasstree builds, for `classes` under parent."""
    results = []
    classes = sorted(classes, key=lambda c: (c.__module__, c.__name__))
    for cls in classes:
        results.append((cls, cls.__bases__))
        if cls in children:
            results.append(walktree(children[cls], children, cls))
    return results


# ---------------------------------------------------------------------------
# getattr_static

_sentinel = object()


def _static_mro(klass):
    return type.__dict__["__mro__"].__get__(klass) \
        if "__mro__" in type.__dict__ else klass.__mro__


def _instance_dict_value(obj, attr):
    try:
        instance_dict = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return _sentinel
    return dict.get(instance_dict, attr, _sentinel)


def _class_value(klass, attr):
    for entry in _static_mro(klass):
        try:
            entry_dict = entry.__dict__
        except AttributeError:
            continue
        if attr in entry_dict:
            return entry_dict[attr]
    return _sentinel


def getattr_static(obj, attr, default=_sentinel):
    """Look an attribute up without running descriptors, __getattr__ or
    __getattribute__: the raw value from the instance or class dicts."""
    instance_result = _sentinel
    if isinstance(obj, type):
        klass = obj
    else:
        klass = type(obj)
        instance_result = _instance_dict_value(obj, attr)
    klass_result = _class_value(klass, attr)
    if instance_result is not _sentinel:
        # A data descriptor on the class wins over the instance dict.
        if klass_result is not _sentinel and _type_sets(type(klass_result)) \
                and _type_has_get(type(klass_result)):
            return klass_result
        return instance_result
    if klass_result is not _sentinel:
        return klass_result
    if obj is klass:
        metaclass_result = _class_value(type(klass), attr)
        if metaclass_result is not _sentinel:
            return metaclass_result
    if default is not _sentinel:
        return default
    raise AttributeError(attr)


# ---------------------------------------------------------------------------
# Documentation

def cleandoc(doc):
    """Clean up indentation from a docstring: strip the first line's
    leading blanks, the common margin of the others, and blank lines at
    both ends; tabs are expanded."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            if margin is None or indent < margin:
                margin = indent
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    return "\n".join(lines[start:])


def _owner_class(func):
    """The class a function was defined in, from its qualname."""
    owner = sys.modules.get(func.__module__)
    for name in func.__qualname__.split(".")[:-1]:
        owner = getattr(owner, name)
    if not isclass(owner):
        return None
    return owner


def _inherited_doc(obj):
    """The docstring an undocumented class, method, property or descriptor
    inherits from its bases."""
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object:
                doc = base.__doc__
                if doc is not None:
                    return doc
        return None
    if ismethod(obj):
        name = obj.__func__.__name__
        owner = obj.__self__
        if not (isclass(owner) and getattr(getattr(owner, name, None),
                                           "__func__", None) is obj.__func__):
            owner = type(owner)
    elif isfunction(obj):
        name = obj.__name__
        owner = _owner_class(obj)
        if owner is None or getattr(owner, name) is not obj:
            return None
    elif isbuiltin(obj):
        name = obj.__name__
        owner = obj.__self__
        if not (isclass(owner) and owner.__qualname__ + "." + name
                == obj.__qualname__):
            owner = type(owner)
    elif isinstance(obj, property):
        func = obj.fget
        name = func.__name__
        owner = _owner_class(func)
        if owner is None or getattr(owner, name) is not obj:
            return None
    elif ismethoddescriptor(obj) or isdatadescriptor(obj):
        name = obj.__name__
        owner = obj.__objclass__
        if getattr(owner, name) is not obj:
            return None
        if ismemberdescriptor(obj):
            slots = getattr(owner, "__slots__", None)
            if isinstance(slots, dict) and name in slots:
                return slots[name]
    else:
        return None
    for base in owner.__mro__:
        try:
            doc = getattr(base, name).__doc__
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def getdoc(object):
    """Get the documentation string for an object, cleaned up with
    cleandoc; undocumented classes, methods and properties take their
    bases' documentation.  None when there is none."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _inherited_doc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# ---------------------------------------------------------------------------
# Files and modules

def getfile(object):
    """Work out which source or compiled file an object was defined in."""
    if ismodule(object):
        file = getattr(object, "__file__", None)
        if file:
            return file
        raise TypeError("{!r} is a built-in module".format(object))
    if isclass(object):
        module = sys.modules.get(getattr(object, "__module__", None))
        file = getattr(module, "__file__", None)
        if file:
            return file
        if object.__module__ == "__main__":
            raise OSError("source code not available")
        raise TypeError("{!r} is a built-in class".format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or "
                    "code object was expected, got {}".format(
                        type(object).__name__))


def getmodulename(path):
    """The module name for a file path, or None if it is no module file."""
    fname = os.path.basename(path)
    for suffix in (".py", ".pyc", ".pyw"):
        if fname.endswith(suffix) and len(fname) > len(suffix):
            return fname[:-len(suffix)]
    return None


def getsourcefile(object):
    """The Python source file an object was defined in, or None."""
    filename = getfile(object)
    if filename.endswith(".pyc"):
        filename = filename[:-1]
    if filename in linecache.cache:
        return filename
    if os.path.exists(filename):
        return filename
    return None


def getabsfile(object, _filename=None):
    """An absolute, normalised path to the object's source file."""
    if _filename is None:
        _filename = getsourcefile(object) or getfile(object)
    return os.path.normcase(os.path.abspath(_filename))


def getmodule(object, _filename=None):
    """Return the module an object was defined in, or None."""
    if ismodule(object):
        return object
    module_name = getattr(object, "__module__", None)
    if module_name is not None:
        return sys.modules.get(module_name)
    if isbuiltin(object):
        # krait's builtin functions carry no __module__.
        builtins = sys.modules["builtins"]
        if getattr(builtins, object.__name__, None) is object:
            return builtins
    if _filename is None:
        try:
            _filename = getsourcefile(object) or getfile(object)
        except TypeError:
            return None
    if _filename is None:
        return None
    wanted = os.path.abspath(_filename)
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and os.path.abspath(file) == wanted:
            return module
    main = sys.modules.get("__main__")
    name = getattr(object, "__name__", None)
    if main is not None and isinstance(name, str) \
            and getattr(main, name, None) is object:
        return main
    return None


# ---------------------------------------------------------------------------
# Source code

_FUNCTION_START = re.compile(
    r"^(\s*def\s)|(\s*async\s+def\s)|(.*(?<!\w)lambda(:|\s))|^(\s*@)")


def _find_class_line(lines, qualname):
    """Index of the first line of the class `qualname` (decorators
    included), found by following its dotted path through the file: each
    name is looked for at the start of a logical line (not inside a string
    or brackets), nested inside the block found for the previous name."""
    parts = [part for part in qualname.split(".") if part != "<locals>"]
    start = 0
    stop = len(lines)
    parent_indent = -1
    body_indent = 0
    found = None
    last = len(parts) - 1
    for position, part in enumerate(parts):
        keyword = "class" if position == last else r"(?:class|def|async\s+def)"
        pattern = re.compile(r"^(\s*){}\s+{}\b".format(keyword, re.escape(part)))
        found = None
        # The name is looked for first at the indentation of its parent's
        # body, then at any deeper one (a class defined under an `if`).
        for strict in (True, False):
            scanner = _LineScanner()
            at_line_start = True
            for index in range(start, stop):
                line = lines[index]
                if at_line_start:
                    match = pattern.match(line)
                    if match is not None:
                        indent = len(match.group(1).expandtabs())
                        if indent == body_indent if strict \
                                else indent > parent_indent:
                            found = index
                            parent_indent = indent
                            break
                at_line_start = scanner.feed(line)
            if found is not None:
                break
        if found is None:
            return None
        block = getblock(lines[found:])
        stop = found + len(block)
        # The nested names live after the header's logical line.
        scanner = _LineScanner()
        start = found
        while start < stop and not scanner.feed(lines[start]):
            start += 1
        start += 1
        body_indent = None
        for line in lines[start:stop]:
            text = line.strip()
            if text and not text.startswith("#"):
                body_indent = _indent_of(line)
                break
    # Step back over the decorators, which belong to the definition.
    while found > 0 and lines[found - 1].lstrip().startswith("@"):
        found -= 1
    return found


def findsource(object):
    """Return the whole source file's lines and the index of the line
    where the object's definition starts.  OSError when the source cannot
    be found."""
    file = getsourcefile(object)
    if file:
        linecache.checkcache(file)
    else:
        file = getfile(object)
        if not (file.startswith("<") and file.endswith(">")):
            raise OSError("source code not available")
    module = getmodule(object, file)
    if module is not None:
        lines = linecache.getlines(file, module.__dict__)
    else:
        lines = linecache.getlines(file)
    if not lines:
        raise OSError("could not get source code")
    if ismodule(object):
        return lines, 0
    if isclass(object):
        index = _find_class_line(lines, object.__qualname__)
        if index is None:
            raise OSError("could not find class definition")
        return lines, index
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        if not hasattr(object, "co_firstlineno"):
            raise OSError("could not find function definition")
        lnum = object.co_firstlineno - 1
        while lnum > 0:
            try:
                line = lines[lnum]
            except IndexError:
                raise OSError("lineno is out of bounds")
            if _FUNCTION_START.match(line):
                break
            lnum -= 1
        return lines, lnum
    raise OSError("could not find code object")


class EndOfBlock(Exception):
    pass


class _LineScanner:
    """Follows brackets, strings and backslashes across lines, to tell
    where each logical line ends."""

    _TOKENS = re.compile(r"""[()\[\]{}#\\]|'''|\"\"\"|'|\"""")

    def __init__(self):
        self.depth = 0
        self.quote = None  # the open string's quote, or None

    def feed(self, line):
        """Scans one physical line; True when a logical line ends on it."""
        position = 0
        continued = False
        tokens = self._TOKENS
        while True:
            if self.quote is not None:
                position = self._close_string(line, position)
                if position < 0:
                    return False
            match = tokens.search(line, position)
            if match is None:
                break
            token = match.group()
            position = match.end()
            if token in "([{":
                self.depth += 1
            elif token in ")]}":
                if self.depth:
                    self.depth -= 1
            elif token == "#":
                break
            elif token == "\\":
                if line[position:].strip() == "":
                    continued = True
                    break
                position += 1
            else:
                self.quote = token
        if self.quote is not None and len(self.quote) == 1:
            # An unterminated one-line string ends with its line.
            self.quote = None
        return self.depth == 0 and self.quote is None and not continued

    def _close_string(self, line, position):
        quote = self.quote
        while True:
            end = line.find(quote, position)
            backslash = line.find("\\", position)
            if backslash != -1 and (end == -1 or backslash < end):
                position = backslash + 2
                continue
            if end == -1:
                return -1
            self.quote = None
            return end + len(quote)


def _indent_of(line):
    expanded = line.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def getcomments(object):
    """The comment lines just above an object's source (for a module: at
    the top of the file), as one string; None when there are none."""
    try:
        lines, lnum = findsource(object)
    except (OSError, TypeError):
        return None
    if ismodule(object):
        start = 1 if lines and lines[0].startswith("#!") else 0
        while start < len(lines) and lines[start].strip() in ("", "#"):
            start += 1
        comments = []
        while start < len(lines) and lines[start].startswith("#"):
            comments.append(lines[start].expandtabs())
            start += 1
        return "".join(comments) or None
    if lnum <= 0:
        return None
    indent = indentsize(lines[lnum])
    comments = []
    index = lnum - 1
    while index >= 0:
        text = lines[index].expandtabs().lstrip()
        if not text.startswith("#") or indentsize(lines[index]) != indent:
            break
        comments.append(text)
        index -= 1
    comments.reverse()
    # Lines holding nothing but '#' at either end are dropped.
    while comments and comments[0].strip() == "#":
        del comments[0]
    while comments and comments[-1].strip() == "#":
        del comments[-1]
    return "".join(comments) if comments else None


def getblock(lines):
    """Extract the block of code at the top of the given list of lines:
    a def or class (with its decorators and body), or the logical line
    of a lambda."""
    scanner = _LineScanner()
    count = len(lines)
    index = 0
    header_indent = None
    is_lambda = False
    # The header: decorators, then the def/class line, or a lambda line.
    while index < count:
        line = lines[index]
        stripped = line.lstrip()
        if header_indent is None and stripped and not stripped.startswith("#"):
            header_indent = _indent_of(line)
        if header_indent is not None and stripped and not stripped.startswith("@") \
                and not stripped.startswith("#"):
            is_lambda = not re.match(r"(?:async\s+)?(?:def|class)\b", stripped)
            while not scanner.feed(lines[index]):
                index += 1
                if index >= count:
                    return lines
            index += 1
            break
        while not scanner.feed(lines[index]):
            index += 1
            if index >= count:
                return lines
        index += 1
    last = index
    if is_lambda or header_indent is None:
        return lines[:last]
    body_indent = None
    while index < count:
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        indent = _indent_of(line)
        if stripped.startswith("#"):
            if body_indent is not None and indent >= body_indent:
                last = index + 1
            index += 1
            continue
        if indent <= header_indent:
            break
        if body_indent is None:
            body_indent = indent
        while not scanner.feed(lines[index]):
            index += 1
            if index >= count:
                return lines
        index += 1
        last = index
    return lines[:last]


class BlockFinder:
    """CPython's tokenize-driven block finder.  krait has no tokenize, so
    only the name is kept for `from inspect import *`; use getblock."""


def getsourcelines(object):
    """Return the list of source lines and the starting line number (from
    1; 0 for a module) of an object.  OSError if it cannot be found."""
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object)
                            and object.f_code.co_name == "<module>"):
        return lines, 0
    return getblock(lines[lnum:]), lnum + 1


def getsource(object):
    """Return the text of the source code for an object."""
    lines, _lnum = getsourcelines(object)
    return "".join(lines)


def indentsize(line):
    """Return the indent size, in spaces, at the start of a line of text."""
    return _indent_of(line)


# ---------------------------------------------------------------------------
# Annotations

def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    """Compute the annotations dict for a module, class or callable; with
    eval_str=True string annotations are evaluated."""
    if isinstance(obj, type):
        obj_dict = getattr(obj, "__dict__", None)
        ann = obj_dict.get("__annotations__", None) if obj_dict is not None else None
        obj_globals = None
        module = sys.modules.get(getattr(obj, "__module__", None))
        if module is not None:
            obj_globals = getattr(module, "__dict__", None)
        obj_locals = dict(vars(obj))
        unwrapped = obj
    elif ismodule(obj):
        ann = getattr(obj, "__annotations__", None)
        obj_globals = getattr(obj, "__dict__")
        obj_locals = None
        unwrapped = None
    elif callable(obj):
        ann = getattr(obj, "__annotations__", None)
        obj_globals = getattr(obj, "__globals__", None)
        obj_locals = None
        unwrapped = obj
    else:
        raise TypeError(f"{obj!r} is not a module, class, or callable.")
    if ann is None:
        return {}
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    if unwrapped is not None:
        while True:
            if hasattr(unwrapped, "__wrapped__"):
                unwrapped = unwrapped.__wrapped__
                continue
            if isinstance(unwrapped, functools.partial):
                unwrapped = unwrapped.func
                continue
            break
        if hasattr(unwrapped, "__globals__"):
            obj_globals = unwrapped.__globals__
    if globals is None:
        globals = obj_globals
    if locals is None:
        locals = obj_locals
    return {key: value if not isinstance(value, str)
            else eval(value, globals, locals)
            for key, value in ann.items()}


def formatannotation(annotation, base_module=None):
    """How an annotation reads in a signature."""
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


def formatannotationrelativeto(object):
    """A formatannotation that leaves out the module of `object`."""
    module = getattr(object, "__module__", None)

    def _formatannotation(annotation):
        return formatannotation(annotation, module)
    return _formatannotation


# ---------------------------------------------------------------------------
# Argument specs

FullArgSpec = namedtuple(
    "FullArgSpec",
    "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations")


def getfullargspec(func):
    """The names and default values of a callable's parameters, as a
    FullArgSpec named tuple (bound methods keep their first argument)."""
    try:
        sig = _signature_of(func, follow_wrapped=False, skip_bound_arg=False,
                            globals=None, locals=None, eval_str=False)
    except Exception as ex:
        raise TypeError("unsupported callable") from ex
    positional, kwonly = [], []
    star = starstar = None
    missing = sig.empty
    notes = {}
    if sig.return_annotation is not missing:
        notes["return"] = sig.return_annotation
    given = ()
    kwgiven = {}
    for param in sig.parameters.values():
        kind, name, value = param.kind, param.name, param.default
        if kind <= _POSITIONAL_OR_KEYWORD:
            positional.append(name)
            if value is not missing:
                given += (value,)
        elif kind == _KEYWORD_ONLY:
            kwonly.append(name)
            if value is not missing:
                kwgiven[name] = value
        elif kind == _VAR_POSITIONAL:
            star = name
        else:
            starstar = name
        if param.annotation is not missing:
            notes[name] = param.annotation
    return FullArgSpec(positional, star, starstar, given or None, kwonly,
                       kwgiven or None, notes)


Arguments = namedtuple("Arguments", "args, varargs, varkw")


def getargs(co):
    """The argument names of a code object: Arguments(args, varargs,
    varkw)."""
    if not iscode(co):
        raise TypeError("{!r} is not a code object".format(co))
    names = co.co_varnames
    count = co.co_argcount + co.co_kwonlyargcount
    args = list(names[:count])
    varargs = None
    if co.co_flags & CO_VARARGS:
        varargs = names[count]
        count += 1
    varkw = None
    if co.co_flags & CO_VARKEYWORDS:
        varkw = names[count]
    return Arguments(args, varargs, varkw)


ArgInfo = namedtuple("ArgInfo", "args varargs keywords locals")


def getargvalues(frame):
    """The arguments of a frame: ArgInfo(args, varargs, keywords, locals)."""
    args, varargs, varkw = getargs(frame.f_code)
    return ArgInfo(args, varargs, varkw, frame.f_locals)


def formatargvalues(args, varargs, varkw, locals,
                    formatarg=str,
                    formatvarargs=lambda name: "*" + name,
                    formatvarkw=lambda name: "**" + name,
                    formatvalue=lambda value: "=" + repr(value)):
    """Format getargvalues' result as an argument list, e.g. '(a=1, *b=())'."""
    specs = [formatarg(name) + formatvalue(locals[name]) for name in args]
    if varargs:
        specs.append(formatvarargs(varargs) + formatvalue(locals[varargs]))
    if varkw:
        specs.append(formatvarkw(varkw) + formatvalue(locals[varkw]))
    return "(" + ", ".join(specs) + ")"


def _missing_message(name, kind, names):
    quoted = [repr(each) for each in names]
    listed = quoted.pop()
    if quoted:
        # CPython's getcallargs puts no comma before the "and".
        listed = ", ".join(quoted) + " and " + listed
    plural = "" if len(names) == 1 else "s"
    return "%s() missing %i required %s argument%s: %s" % (
        name, len(names), kind, plural, listed)


def _too_many_message(name, names, defaults, kwonly, bound, count):
    total = len(names)
    if defaults:
        wanted = "from %d to %d" % (total - len(defaults), total)
    else:
        wanted = "%d" % total
    by_keyword = sum(1 for each in kwonly if each in bound)
    extra = ""
    if by_keyword:
        extra = " positional argument%s (and %d keyword-only argument%s)" % (
            "" if count == 1 else "s", by_keyword,
            "" if by_keyword == 1 else "s")
    verb = "was" if count == 1 and not by_keyword else "were"
    return "%s() takes %s positional argument%s but %d%s %s given" % (
        name, wanted, "" if wanted == "1" else "s", count, extra, verb)


def getcallargs(func, /, *positional, **named):
    """The dict mapping parameter names to the values a call with these
    arguments would give them; TypeError as the call would raise."""
    names, star, starstar, defaults, kwonly, kwdefaults, _ = \
        getfullargspec(func)
    fname = func.__name__
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    bound = dict(zip(names, positional))
    if star:
        bound[star] = tuple(positional[len(names):])
    if starstar:
        leftover = bound[starstar] = {}
    accepted = set(names)
    accepted.update(kwonly)
    for key, value in named.items():
        if key in accepted:
            if key in bound:
                raise TypeError("%s() got multiple values for argument %r"
                                % (fname, key))
            bound[key] = value
        elif starstar:
            leftover[key] = value
        else:
            raise TypeError("%s() got an unexpected keyword argument %r"
                            % (fname, key))
    count = len(positional)
    if count > len(names) and not star:
        raise TypeError(_too_many_message(fname, names, defaults, kwonly,
                                          bound, count))
    if count < len(names):
        first_optional = len(names) - (len(defaults) if defaults else 0)
        absent = [each for each in names[:first_optional]
                  if each not in bound]
        if absent:
            raise TypeError(_missing_message(fname, "positional", absent))
        for index in range(first_optional, len(names)):
            bound.setdefault(names[index], defaults[index - first_optional])
    absent = []
    for each in kwonly:
        if each in bound:
            continue
        if kwdefaults and each in kwdefaults:
            bound[each] = kwdefaults[each]
        else:
            absent.append(each)
    if absent:
        raise TypeError(_missing_message(fname, "keyword-only", absent))
    return bound


ClosureVars = namedtuple("ClosureVars", "nonlocals globals builtins unbound")


def getclosurevars(func):
    """The names a Python function refers to, split into nonlocals,
    globals, builtins and unbound names, with their current values."""
    if ismethod(func):
        func = func.__func__
    if not isfunction(func):
        raise TypeError("{!r} is not a Python function".format(func))
    code = func.__code__
    if func.__closure__ is None:
        nonlocal_vars = {}
    else:
        nonlocal_vars = {name: cell.cell_contents
                         for name, cell in zip(code.co_freevars, func.__closure__)}
    global_ns = func.__globals__
    builtin_ns = global_ns.get("__builtins__", None)
    if ismodule(builtin_ns):
        builtin_ns = builtin_ns.__dict__
    elif builtin_ns is None:
        import builtins
        builtin_ns = builtins.__dict__
    global_vars = {}
    builtin_vars = {}
    unbound_names = set()
    for name in code.co_names:
        if name in ("None", "True", "False"):
            continue
        if name in global_ns:
            global_vars[name] = global_ns[name]
        elif name in builtin_ns:
            builtin_vars[name] = builtin_ns[name]
        else:
            unbound_names.add(name)
    return ClosureVars(nonlocal_vars, global_vars, builtin_vars, unbound_names)


def unwrap(func, *, stop=None):
    """Follow the chain of __wrapped__ attributes to the innermost object
    (or the first one `stop` accepts).  ValueError on a cycle."""
    f = func
    seen = {id(f)}
    limit = sys.getrecursionlimit()
    while hasattr(func, "__wrapped__"):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        if id(func) in seen or len(seen) >= limit:
            raise ValueError("wrapper loop when unwrapping {!r}".format(f))
        seen.add(id(func))
    return func


# ---------------------------------------------------------------------------
# Generators and coroutines

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"

CORO_CREATED = "CORO_CREATED"
CORO_RUNNING = "CORO_RUNNING"
CORO_SUSPENDED = "CORO_SUSPENDED"
CORO_CLOSED = "CORO_CLOSED"


def getgeneratorstate(generator):
    """The generator's state: GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or
    GEN_CLOSED."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    """The coroutine's state: CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED
    or CORO_CLOSED."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getgeneratorlocals(generator):
    """The generator's current local variables (empty when closed)."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = generator.gi_frame
    return frame.f_locals if frame is not None else {}


def getcoroutinelocals(coroutine):
    """The coroutine's current local variables (empty when closed)."""
    frame = coroutine.cr_frame
    return frame.f_locals if frame is not None else {}


# ---------------------------------------------------------------------------
# Frames and stacks

class Traceback(namedtuple("_Traceback",
                           "filename lineno function code_context index")):
    """Where a frame is: filename, lineno, function, code_context, index
    (and positions)."""

    def __new__(cls, filename, lineno, function, code_context, index, *,
                positions=None):
        instance = super().__new__(cls, filename, lineno, function,
                                   code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ("Traceback(filename={!r}, lineno={!r}, function={!r}, "
                "code_context={!r}, index={!r}, positions={!r})".format(
                    self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


class FrameInfo(namedtuple("_FrameInfo",
                           "frame filename lineno function code_context index")):
    """A frame with where it is (see Traceback)."""

    def __new__(cls, frame, filename, lineno, function, code_context, index,
                *, positions=None):
        instance = super().__new__(cls, frame, filename, lineno, function,
                                   code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ("FrameInfo(frame={!r}, filename={!r}, lineno={!r}, "
                "function={!r}, code_context={!r}, index={!r}, "
                "positions={!r})".format(
                    self.frame, self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


def getlineno(frame):
    """The line number a frame is at."""
    return frame.f_lineno


def getframeinfo(frame, context=1):
    """Traceback(filename, lineno, function, code_context, index) for a
    frame or traceback, with `context` lines of source around lineno."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError("{!r} is not a frame or traceback object".format(frame))
    filename = getsourcefile(frame) or getfile(frame)
    if context > 0:
        start = lineno - 1 - context // 2
        try:
            lines, _lnum = findsource(frame)
        except OSError:
            lines = index = None
        else:
            start = max(0, min(start, len(lines) - context))
            lines = lines[start:start + context]
            index = lineno - 1 - start
    else:
        lines = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index)


def getouterframes(frame, context=1):
    """FrameInfo records for a frame and all the frames outside it."""
    records = []
    while frame:
        info = getframeinfo(frame, context)
        records.append(FrameInfo(frame, *info, positions=info.positions))
        frame = frame.f_back
    return records


def getinnerframes(tb, context=1):
    """FrameInfo records for a traceback's frame and the frames inside."""
    records = []
    while tb:
        info = getframeinfo(tb, context)
        records.append(FrameInfo(tb.tb_frame, *info, positions=info.positions))
        tb = tb.tb_next
    return records


def currentframe():
    """The caller's frame (None without sys._getframe)."""
    getframe = getattr(sys, "_getframe", None)
    return getframe(1) if getframe is not None else None


def stack(context=1):
    """FrameInfo records for the caller's stack, innermost first."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo records between the current frame and where the exception
    being handled was raised."""
    return getinnerframes(sys.exc_info()[2], context)


# ---------------------------------------------------------------------------
# Signatures

class _void:
    """Marker: "no value given" in replace()."""


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KIND_DESCRIPTIONS = {
    _POSITIONAL_ONLY: "positional-only",
    _POSITIONAL_OR_KEYWORD: "positional or keyword",
    _VAR_POSITIONAL: "variadic positional",
    _KEYWORD_ONLY: "keyword-only",
    _VAR_KEYWORD: "variadic keyword",
}


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation
    (Parameter.empty when absent).  Immutable; use replace()."""

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            checked = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        if default is not _empty and checked in (_VAR_POSITIONAL,
                                                 _VAR_KEYWORD):
            raise ValueError(checked.description +
                             " parameters cannot have default values")
        self._kind = checked
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError("name is a required attribute for Parameter")
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a "
                            + type(name).__name__)
        if name[0] == "." and name[1:].isdigit():
            # A comprehension's implicit argument (".0").
            if checked != _POSITIONAL_OR_KEYWORD:
                raise ValueError(
                    "implicit arguments must be passed as positional or "
                    "keyword arguments, not " + checked.description)
            self._kind = checked = _POSITIONAL_ONLY
            name = "implicit" + name[1:]
        valid = name.isidentifier()
        if valid and checked is not _POSITIONAL_ONLY and iskeyword(name):
            valid = False
        if not valid:
            raise ValueError(f"{name!r} is not a valid parameter name")
        self._name = name

    def __reduce__(self):
        extra = {"_default": self._default, "_annotation": self._annotation}
        return type(self), (self._name, self._kind), extra

    def __setstate__(self, state):
        self._default, self._annotation = \
            state["_default"], state["_annotation"]

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void,
                default=_void):
        """A copy with the given fields changed."""
        now = (self._name, self._kind, self._annotation, self._default)
        asked = (name, kind, annotation, default)
        name, kind, annotation, default = [
            old if new is _void else new for old, new in zip(now, asked)]
        return self.__class__(name, kind, annotation=annotation,
                              default=default)

    def __str__(self):
        text = self._name
        noted = self._annotation is not _empty
        if noted:
            text += ": " + formatannotation(self._annotation)
        if self._default is not _empty:
            text += (" = %r" if noted else "=%r") % (self._default,)
        kind = self._kind
        if kind == _VAR_POSITIONAL:
            return "*" + text
        return "**" + text if kind == _VAR_KEYWORD else text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation,
                     self._default))

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, Parameter):
            return (self._name, self._kind, self._default,
                    self._annotation) == (other._name, other._kind,
                                          other._default, other._annotation)
        return NotImplemented


class BoundArguments:
    """What Signature.bind produced: `arguments` maps parameter names to
    values; args and kwargs rebuild a call from them."""

    __slots__ = ("arguments", "_signature", "__weakref__")

    def __init__(self, signature, arguments):
        self._signature, self.arguments = signature, arguments

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        values = self.arguments
        collected = []
        for param in self._signature.parameters.values():
            kind = param.kind
            # Stop at the keyword-only part, or at the first parameter
            # with no value: later ones can only go by keyword.
            if kind >= _KEYWORD_ONLY or param.name not in values:
                break
            if kind == _VAR_POSITIONAL:
                collected.extend(values[param.name])
            else:
                collected.append(values[param.name])
        return tuple(collected)

    @property
    def kwargs(self):
        values = self.arguments
        collected = {}
        in_keywords = False
        for param in self._signature.parameters.values():
            kind = param.kind
            if not in_keywords:
                if kind < _KEYWORD_ONLY:
                    # Still in the part args covers, up to the first
                    # parameter without a value (which is skipped too).
                    in_keywords = param.name not in values
                    continue
                in_keywords = True
            if param.name not in values:
                continue
            if kind == _VAR_KEYWORD:
                collected.update(values[param.name])
            else:
                collected[param.name] = values[param.name]
        return collected

    def apply_defaults(self):
        """Give every unbound parameter its default: the declared one,
        () for *args and {} for **kwargs."""
        given = self.arguments
        complete = {}
        for name, param in self._signature.parameters.items():
            if name in given:
                complete[name] = given[name]
                continue
            kind = param.kind
            if param.default is not _empty:
                complete[name] = param.default
            elif kind == _VAR_POSITIONAL:
                complete[name] = ()
            elif kind == _VAR_KEYWORD:
                complete[name] = {}
        self.arguments = complete

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, BoundArguments):
            return (self.signature == other.signature
                    and self.arguments == other.arguments)
        return NotImplemented

    def __setstate__(self, state):
        self._signature, self.arguments = \
            state["_signature"], state["arguments"]

    def __getstate__(self):
        return {"_signature": self._signature, "arguments": self.arguments}

    def __repr__(self):
        shown = ", ".join("%s=%r" % pair for pair in self.arguments.items())
        return "<%s (%s)>" % (type(self).__name__, shown)


class Signature:
    """A callable's parameters and return annotation.  Immutable; use
    replace()."""

    __slots__ = ("_return_annotation", "_parameters")

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        table = {}
        if parameters is not None and not __validate_parameters__:
            for param in parameters:
                table[param.name] = param
        elif parameters is not None:
            highest = _POSITIONAL_ONLY
            defaulted = False
            for param in parameters:
                kind = param.kind
                if kind < highest:
                    raise ValueError(
                        "wrong parameter order: %s parameter before %s "
                        "parameter" % (highest.description, kind.description))
                highest = kind
                if kind <= _POSITIONAL_OR_KEYWORD:
                    if param.default is not _empty:
                        defaulted = True
                    elif defaulted:
                        raise ValueError("non-default argument follows "
                                         "default argument")
                if param.name in table:
                    raise ValueError(
                        "duplicate parameter name: %r" % (param.name,))
                table[param.name] = param
        self._parameters = types.MappingProxyType(table)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None,
                      locals=None, eval_str=False):
        """The signature of any callable."""
        return _signature_of(obj, follow_wrapped=follow_wrapped,
                             skip_bound_arg=True, globals=globals,
                             locals=locals, eval_str=eval_str, sigcls=cls)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        """A copy with the given fields changed."""
        if parameters is _void:
            parameters = self._parameters.values()
        returns = return_annotation
        if returns is _void:
            returns = self._return_annotation
        return type(self)(parameters, return_annotation=returns)

    def _hash_basis(self):
        # Keyword-only parameters compare without their order.
        ordered = []
        by_name = {}
        for param in self._parameters.values():
            if param.kind == _KEYWORD_ONLY:
                by_name[param.name] = param
            else:
                ordered.append(param)
        return tuple(ordered), by_name, self._return_annotation

    def __hash__(self):
        ordered, by_name, returns = self._hash_basis()
        return hash((ordered, frozenset(by_name.values()), returns))

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, Signature):
            return self._hash_basis() == other._hash_basis()
        return NotImplemented

    def _bind(self, args, kwargs, *, partial=False):
        bound = {}
        params = tuple(self._parameters.values())
        total = len(params)
        used = 0              # parameters filled from `args`
        count = len(args)
        at = 0
        while at < count:
            param = params[used] if used < total else None
            if param is None or param.kind >= _KEYWORD_ONLY:
                raise TypeError("too many positional arguments") from None
            used += 1
            if param.kind == _VAR_POSITIONAL:
                bound[param.name] = tuple(args[at:])
                break
            if param.kind != _POSITIONAL_ONLY and param.name in kwargs:
                raise TypeError("multiple values for argument %r"
                                % (param.name,)) from None
            bound[param.name] = args[at]
            at += 1
        else:
            # Out of positional arguments: the next parameter must be
            # *args, given by keyword, optional, or (partial) left out.
            if used < total:
                param = params[used]
                if param.kind == _VAR_POSITIONAL:
                    used += 1
                elif param.name in kwargs:
                    if param.kind == _POSITIONAL_ONLY:
                        raise TypeError(
                            "%r parameter is positional only, but was "
                            "passed as a keyword" % (param.name,)) from None
                elif not (partial or param.kind == _VAR_KEYWORD
                          or param.default is not _empty):
                    raise TypeError("missing a required argument: %r"
                                    % (param.name,)) from None
        spill = None
        rest = dict(kwargs)
        for param in params[used:]:
            kind = param.kind
            if kind == _VAR_KEYWORD:
                spill = param
            elif kind != _VAR_POSITIONAL:
                name = param.name
                if name in rest:
                    if kind == _POSITIONAL_ONLY:
                        raise TypeError(
                            "%r parameter is positional only, but was "
                            "passed as a keyword" % (name,))
                    bound[name] = rest.pop(name)
                elif not partial and param.default is _empty:
                    raise TypeError("missing a required argument: %r"
                                    % (name,)) from None
        if rest:
            if spill is None:
                raise TypeError("got an unexpected keyword argument %r"
                                % (next(iter(rest)),))
            bound[spill.name] = rest
        return self._bound_arguments_cls(self, bound)

    def bind(self, /, *args, **kwargs):
        """Map arguments to parameters as a call would (a BoundArguments),
        or raise the TypeError the call would."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        """bind(), allowing required arguments to be missing."""
        return self._bind(args, kwargs, partial=True)

    def __reduce__(self):
        return (type(self), (tuple(self._parameters.values()),),
                {"_return_annotation": self._return_annotation})

    def __setstate__(self, state):
        self._return_annotation = state["_return_annotation"]

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self)

    def __str__(self):
        pieces = []
        before = None          # the previous parameter's kind
        starred = False        # a bare or named * is already shown
        for param in self._parameters.values():
            kind = param.kind
            if before == _POSITIONAL_ONLY and kind != _POSITIONAL_ONLY:
                pieces.append("/")
            if kind == _VAR_POSITIONAL:
                starred = True
            elif kind == _KEYWORD_ONLY and not starred:
                pieces.append("*")
                starred = True
            pieces.append(str(param))
            before = kind
        if before == _POSITIONAL_ONLY:
            pieces.append("/")
        text = "(" + ", ".join(pieces) + ")"
        if self._return_annotation is _empty:
            return text
        return text + " -> " + formatannotation(self._return_annotation)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None,
              eval_str=False):
    """Get a Signature object for the passed callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped,
                                   globals=globals, locals=locals,
                                   eval_str=eval_str)


# Callables whose __call__/__init__/__new__ is the interpreter's own.
_NATIVE_CALLABLES = (types.BuiltinFunctionType, _MethodDescriptorType,
                     _WrapperDescriptorType, _MethodWrapperType,
                     _ClassMethodDescriptorType)


def _signature_from_builtin(cls, func, skip_bound_arg=True):
    """The signature a builtin's `__text_signature__` gives
    (`($module, obj, /)`), else ValueError."""
    text = getattr(func, "__text_signature__", None)
    if not text:
        raise ValueError("no signature found for builtin {!r}".format(func))
    return _signature_fromstr(cls, func, text, skip_bound_arg)


def _signature_fromstr(cls, obj, text, skip_bound_arg=True):
    """Parses a text signature: Python's parameter list, whose first
    parameter may be marked `$self`/`$module`/`$type` (the receiver,
    dropped when bound or a module)."""
    import ast
    Parameter = cls._parameter_cls
    inner = text.strip()
    if not (inner.startswith("(") and inner.endswith(")")):
        raise ValueError("{!r} builtin has invalid signature".format(obj))
    inner = inner[1:-1].strip()
    self_parameter = inner.startswith("$")
    if self_parameter:
        inner = inner[1:]
    try:
        tree = ast.parse("def _(" + inner + "): pass")
    except SyntaxError:
        raise ValueError("{!r} builtin has invalid signature".format(obj)) from None
    args = tree.body[0].args
    module = sys.modules.get(getattr(obj, "__module__", None) or "builtins")

    def value_of(node):
        try:
            return ast.literal_eval(node)
        except ValueError:
            pass
        names = []
        while isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name):
            names.append(node.id)
            names.reverse()
            for namespace in (module, sys.modules.get(names[0]), sys.modules["builtins"]):
                value = namespace
                for index, name in enumerate(names):
                    if value is None:
                        break
                    if index == 0 and namespace is sys.modules.get(names[0]):
                        continue
                    value = getattr(value, name, None)
                if value is not None:
                    return value
        raise ValueError("{!r} builtin has invalid signature".format(obj))

    parameters = []
    positional = args.posonlyargs + args.args
    defaults = [_empty] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for index, (arg, default) in enumerate(zip(positional, defaults)):
        kind = _POSITIONAL_ONLY if index < len(args.posonlyargs) else _POSITIONAL_OR_KEYWORD
        value = _empty if default is _empty else value_of(default)
        parameters.append(Parameter(arg.arg, kind, default=value))
    if args.vararg:
        parameters.append(Parameter(args.vararg.arg, _VAR_POSITIONAL))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        value = _empty if default is None else value_of(default)
        parameters.append(Parameter(arg.arg, _KEYWORD_ONLY, default=value))
    if args.kwarg:
        parameters.append(Parameter(args.kwarg.arg, _VAR_KEYWORD))
    if self_parameter and parameters:
        receiver = getattr(obj, "__self__", None)
        if isinstance(obj, types.BuiltinFunctionType) and receiver is None:
            # A function of a module (krait's builtins carry no `__self__`).
            receiver = module
        if receiver is not None and (ismodule(receiver) or skip_bound_arg):
            parameters.pop(0)
        else:
            parameters[0] = parameters[0].replace(kind=_POSITIONAL_ONLY)
    return cls(parameters, __validate_parameters__=False)


def _user_method(cls, name):
    """cls.<name> when it is written in Python (or otherwise not one of
    the interpreter's own methods), else None."""
    try:
        method = getattr(cls, name)
    except AttributeError:
        return None
    if isinstance(method, _NATIVE_CALLABLES):
        return None
    return method


def _without_first(sig):
    """The signature with its bound first parameter (self/cls) dropped."""
    params = tuple(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    kind = params[0].kind
    if kind in (_POSITIONAL_OR_KEYWORD, _POSITIONAL_ONLY):
        params = params[1:]
    elif kind != _VAR_POSITIONAL:
        raise ValueError("invalid argument type")
    # *args absorbs the bound argument and stays.
    return sig.replace(parameters=params)


def _is_functionlike(obj):
    """Duck-typed functions (e.g. Cython's) that carry a function's
    attributes."""
    if not callable(obj) or isclass(obj):
        return False
    name = getattr(obj, "__name__", None)
    code = getattr(obj, "__code__", None)
    defaults = getattr(obj, "__defaults__", _void)
    kwdefaults = getattr(obj, "__kwdefaults__", _void)
    annotations = getattr(obj, "__annotations__", None)
    return (isinstance(code, types.CodeType) and isinstance(name, str)
            and (defaults is None or isinstance(defaults, tuple))
            and (kwdefaults is None or isinstance(kwdefaults, dict))
            and (annotations is None or isinstance(annotations, dict)))


def _signature_from_function(cls, func, skip_bound_arg=True, globals=None,
                             locals=None, eval_str=False):
    is_duck = not isfunction(func)
    if is_duck and not _is_functionlike(func):
        raise TypeError("{!r} is not a Python function".format(func))
    code = func.__code__
    names = code.co_varnames
    pos_count = code.co_argcount
    posonly_count = code.co_posonlyargcount
    kwonly_count = code.co_kwonlyargcount
    annotations = get_annotations(func, globals=globals, locals=locals,
                                  eval_str=eval_str)
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    first_default = pos_count - len(defaults)
    make = cls._parameter_cls
    params = []
    for index in range(pos_count):
        name = names[index]
        kind = _POSITIONAL_ONLY if index < posonly_count else _POSITIONAL_OR_KEYWORD
        if index >= first_default:
            params.append(make(name, kind, default=defaults[index - first_default],
                               annotation=annotations.get(name, _empty)))
        else:
            params.append(make(name, kind,
                               annotation=annotations.get(name, _empty)))
    next_name = pos_count + kwonly_count
    if code.co_flags & CO_VARARGS:
        name = names[next_name]
        params.append(make(name, _VAR_POSITIONAL,
                           annotation=annotations.get(name, _empty)))
    for name in names[pos_count:pos_count + kwonly_count]:
        params.append(make(name, _KEYWORD_ONLY,
                           default=kwdefaults.get(name, _empty),
                           annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[next_name + (1 if code.co_flags & CO_VARARGS else 0)]
        params.append(make(name, _VAR_KEYWORD,
                           annotation=annotations.get(name, _empty)))
    return cls(params, return_annotation=annotations.get("return", _empty),
               __validate_parameters__=is_duck)


def _signature_of_partial(wrapped_sig, partial, extra_args=()):
    """The signature left after a functools.partial (or partialmethod)
    supplies some arguments."""
    partial_args = extra_args + (partial.args or ())
    partial_keywords = partial.keywords or {}
    try:
        bound = wrapped_sig.bind_partial(*partial_args, **partial_keywords)
    except TypeError as ex:
        raise ValueError("partial object {!r} has incorrect arguments"
                         .format(partial)) from ex
    bound_values = bound.arguments
    kept = []
    moved_to_end = []
    keyword_only_from_here = False
    for name, param in wrapped_sig.parameters.items():
        kind = param.kind
        if name in bound_values:
            value = bound_values[name]
            if kind == _POSITIONAL_ONLY:
                continue
            if kind == _POSITIONAL_OR_KEYWORD:
                if name not in partial_keywords:
                    continue
                # Given by keyword: it and every later parameter can only
                # be passed by keyword now.
                keyword_only_from_here = True
                param = param.replace(default=value)
            elif kind == _KEYWORD_ONLY:
                param = param.replace(default=value)
        if keyword_only_from_here:
            if kind == _POSITIONAL_OR_KEYWORD:
                moved_to_end.append(param.replace(kind=_KEYWORD_ONLY))
            elif kind == _KEYWORD_ONLY or kind == _VAR_KEYWORD:
                moved_to_end.append(param)
            # A *args after a keyword-given parameter can take nothing.
            continue
        kept.append(param)
    return wrapped_sig.replace(parameters=kept + moved_to_end)


def _signature_of(obj, *, follow_wrapped=True, skip_bound_arg=True,
                  globals=None, locals=None, eval_str=False, sigcls=None):
    if sigcls is None:
        sigcls = Signature

    def recurse(inner):
        return _signature_of(inner, follow_wrapped=follow_wrapped,
                             skip_bound_arg=skip_bound_arg, globals=globals,
                             locals=locals, eval_str=eval_str, sigcls=sigcls)

    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))

    if isinstance(obj, types.MethodType):
        sig = recurse(obj.__func__)
        return _without_first(sig) if skip_bound_arg else sig

    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if isinstance(obj, types.MethodType):
            return recurse(obj)

    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError("unexpected object {!r} in __signature__ "
                                "attribute".format(sig))
            return sig

    try:
        partialmethod = obj._partialmethod
    except AttributeError:
        pass
    else:
        if isinstance(partialmethod, functools.partialmethod):
            wrapped_sig = recurse(partialmethod.func)
            sig = _signature_of_partial(wrapped_sig, partialmethod, (None,))
            first = tuple(wrapped_sig.parameters.values())[0]
            if first.kind == _VAR_POSITIONAL:
                return sig
            return sig.replace(parameters=(first,) + tuple(sig.parameters.values()))

    if isfunction(obj) or _is_functionlike(obj):
        return _signature_from_function(sigcls, obj, skip_bound_arg,
                                        globals, locals, eval_str)

    if obj is object:
        return sigcls(None)
    if obj is type or isbuiltin(obj) or isinstance(obj, _NATIVE_CALLABLES):
        return _signature_from_builtin(sigcls, obj, skip_bound_arg)

    if isinstance(obj, functools.partial):
        return _signature_of_partial(recurse(obj.func), obj)

    sig = None
    if isinstance(obj, type):
        call = _user_method(type(obj), "__call__")
        if call is not None:
            sig = recurse(call)
        else:
            new = _user_method(obj, "__new__")
            init = _user_method(obj, "__init__")
            # The first class along the MRO that defines __new__ or
            # __init__ (in Python) decides; __new__ first in one class.
            for base in obj.__mro__:
                own = base.__dict__
                if new is not None and "__new__" in own:
                    sig = recurse(new)
                    break
                if init is not None and "__init__" in own:
                    sig = recurse(init)
                    break
        if sig is None:
            for base in obj.__mro__[:-1]:
                text = getattr(base, "__text_signature__", None)
                if text:
                    raise ValueError("no signature found for builtin type "
                                     "{!r}".format(obj))
            if type not in obj.__mro__ and _plain_class(obj):
                # Nothing but object's constructor: it takes no arguments.
                return sigcls(None)
            raise ValueError("no signature found for builtin type {!r}"
                             .format(obj))
    elif not isinstance(obj, _NATIVE_CALLABLES):
        call = _user_method(type(obj), "__call__")
        if call is not None:
            try:
                sig = recurse(call)
            except ValueError as ex:
                raise ValueError("no signature found for {!r}".format(obj)) from ex

    if sig is not None:
        # The class or instance fills the first parameter.
        return _without_first(sig) if skip_bound_arg else sig

    if isinstance(obj, types.BuiltinFunctionType):
        raise ValueError("no signature found for builtin function {!r}"
                         .format(obj))
    raise ValueError("callable {!r} is not supported by signature".format(obj))


def _plain_class(cls):
    """Whether no class in cls's MRO but object defines __init__ or
    __new__ (krait's `cls.__init__ is object.__init__` is not reliable:
    each lookup of a native method gives a new object)."""
    for base in cls.__mro__:
        if base is object:
            continue
        own = base.__dict__
        if "__init__" in own or "__new__" in own:
            return False
    return True
