"""Warning control (CPython's `warnings`): warn, warn_explicit, the filter
list (filterwarnings, simplefilter, resetwarnings), showwarning,
formatwarning and catch_warnings.

CPython runs `warn` and `warn_explicit` in its C accelerator `_warnings`;
this module is that accelerator's behaviour written in Python, so what a
program sees follows the C code, not CPython's pure-Python fallback:
registries store True, a "once" filter remembers a warning in the calling
module's `__warningregistry__` (the once-registry only serves
`warn_explicit` without a registry), `stacklevel` below 1 means the
caller, and the messages name `_warnings`.

The filters start as a release build of CPython sets them, then the
`-W` options (`sys.warnoptions`) are added, the last one first. krait has no `linecache` nor
`tracemalloc`: the source line of a warning is read from its file here,
and a warning with a `source` object suggests enabling tracemalloc, as
CPython does while it is not tracing.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


# -- Showing and formatting ------------------------------------------------

def _source_line(filename, lineno):
    """Line `lineno` of the file `filename` with its newline, or '' when
    the file cannot be read (linecache.getline's answer). A relative name
    is also looked for along sys.path, as linecache does."""
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return ""
    candidates = [filename]
    if not filename.startswith("/"):
        for directory in sys.path:
            if isinstance(directory, str) and directory:
                candidates.append(directory.rstrip("/") + "/" + filename)
    for path in candidates:
        try:
            with open(path, encoding="utf-8") as source:
                lines = source.readlines()
        except (OSError, UnicodeDecodeError):
            continue
        if 1 <= lineno <= len(lines):
            line = lines[lineno - 1]
            return line if line.endswith("\n") else line + "\n"
        return ""
    return ""


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to a file (sys.stderr when None)."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes for a warning: `FILE:LINE: Category:
    message` and the source line (read from the file when None)."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            # No stderr (a windowed program): the warning is lost.
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    text = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        try:
            line = _source_line(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        text += "  %s\n" % line.strip()
    if msg.source is not None:
        # krait has no tracemalloc, so it is never tracing: CPython then
        # suggests turning it on.
        text += (f"{category}: Enable tracemalloc to get the object "
                 f"allocation traceback\n")
    return text


# The originals, so a replaced showwarning/formatwarning is noticed.
_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    """Show a WarningMessage: through a user's showwarning when the
    module's was replaced, else by writing it out."""
    try:
        shower = showwarning
    except NameError:
        pass
    else:
        if shower is not _showwarning_orig:
            if not callable(shower):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")
            shower(msg.message, msg.category, msg.filename, msg.lineno,
                   msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    """Format a WarningMessage: through a user's formatwarning when the
    module's was replaced."""
    try:
        formatter = formatwarning
    except NameError:
        pass
    else:
        if formatter is not _formatwarning_orig:
            return formatter(msg.message, msg.category, msg.filename,
                             msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# -- The filters -------------------------------------------------------------

def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert a filter: `message` (matched case-insensitively at the start
    of the text) and `module` are regular expressions, empty for any;
    `lineno` 0 matches every line. With `append` it goes last."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    if message or module:
        import re
    message_re = re.compile(message, re.I) if message else None
    module_re = re.compile(module) if module else None
    _add_filter(action, message_re, category, module_re, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a filter that matches every message and module."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # Inserting a filter moves it to the front; appending keeps an
    # existing copy where it is.
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Remove every filter (the default ones too)."""
    filters[:] = []
    _filters_mutated()


# Bumped whenever the filters change: a registry stamped with an older
# version forgets what it recorded (a new filter may now show it).
_filters_version = 0


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _matches(pattern, text):
    """A filter's message or module test: None matches anything, a plain
    str (the default filters' '__main__') must be equal, anything else is
    a compiled regular expression."""
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == text
    return bool(pattern.match(text))


def _action_for(category, text, lineno, module):
    """The action of the first filter matching the warning, and the
    filter (None when the default action applies)."""
    if not isinstance(filters, list):
        raise ValueError("_warnings.filters must be a list")
    for index, item in enumerate(filters):
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError(f"_warnings.filters item {index} isn't a 5-tuple")
        action, message_re, filter_category, module_re, filter_lineno = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not "
                            f"'{type(action).__name__}'")
        if (_matches(message_re, text)
                and issubclass(category, filter_category)
                and _matches(module_re, module)
                and (filter_lineno == 0 or lineno == filter_lineno)):
            return action, item
    action = defaultaction
    if not isinstance(action, str):
        raise TypeError("_warnings.defaultaction must be a string, not "
                        f"'{type(action).__name__}'")
    return action, None


def _already_warned(registry, key, should_set):
    """Whether `key` is recorded in `registry` (emptied first when it
    predates the current filters); records it when `should_set`."""
    version = registry.get("version")
    if type(version) is not int or version != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    elif registry.get(key):
        return True
    if should_set:
        registry[key] = True
    return False


# -- Issuing warnings -------------------------------------------------------

def _index(value):
    """`value` as an int, as the C argument parser takes an index."""
    if isinstance(value, int):
        return int(value)
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be "
                        "interpreted as an integer") from None
    return method(value)


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning: `message` is its text (category UserWarning when
    None) or a Warning instance (its class is the category). The location
    is the caller's, or `stacklevel` frames further out."""
    if isinstance(message, Warning):
        category = message.__class__
    elif category is None:
        category = UserWarning
    try:
        valid = issubclass(category, Warning)
    except TypeError:
        valid = False
    if not valid:
        raise TypeError("category must be a Warning subclass, not "
                        f"'{type(category).__name__}'")
    stacklevel = _index(stacklevel)
    try:
        # Level 1 is warn's caller; CPython's C warn (no frame of its own)
        # treats lower levels as 1 too.
        frame = sys._getframe(max(stacklevel, 1))
    except ValueError:
        # Past the outermost frame: the warning is located in sys.
        module_globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        module_globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        del frame
    # The module's __name__ when it is a str (or None), else "<string>".
    module = module_globals.get("__name__", "<string>")
    if module is not None and not isinstance(module, str):
        module = "<string>"
    registry = module_globals.get("__warningregistry__")
    if registry is None:
        registry = {}
        module_globals["__warningregistry__"] = registry
    _warn_at(message, category, filename, lineno, module, registry, source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    """Issue a warning at an explicit location; `registry` (a dict) records
    the warnings already shown there. Without `module` it is the file's
    name less `.py`."""
    if not isinstance(filename, str):
        raise TypeError("warn_explicit() argument 3 must be str, not "
                        f"{type(filename).__name__}")
    lineno = _index(lineno)
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not "
                        f"'{type(module_globals).__name__}'")
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module is None:
        if not filename:
            module = "<unknown>"
        elif filename.endswith(".py"):
            module = filename[:-3]
        else:
            module = filename
    _warn_at(message, category, filename, lineno, module, registry, source)


def _warn_at(message, category, filename, lineno, module, registry, source):
    """The filters' decision for one warning at one place, then raising or
    showing it."""
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _already_warned(registry, key, False):
        return
    action, item = _action_for(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            # CPython's C code records a "once" in the module's registry
            # when there is one: it is once per module, not per process.
            if registry is None:
                registry = onceregistry
                if not isinstance(registry, dict):
                    raise TypeError("_warnings.onceregistry must be a dict, "
                                    f"not '{type(registry).__name__}'")
            if _already_warned(registry, (text, category), True):
                return
        elif action == "module":
            # Keyed (text, category), as "once" is: CPython's C code
            # makes the same key for both.
            if registry is not None and _already_warned(
                    registry, (text, category), True):
                return
        elif action != "default":
            raise RuntimeError(f"Unrecognized action ({action!r}) in "
                               f"warnings.filters:\n {item!r}")
    msg = WarningMessage(message, category, filename, lineno, None, None,
                         source)
    _showwarnmsg(msg)


def _deprecated(name, message="{name!r} is deprecated and slated for "
                "removal in Python {remove}", *, remove, _version=sys.version_info):
    """Warn (DeprecationWarning) that `name` goes away in the version
    `remove` ("3.13"); once that version is reached it is an error."""
    remove_formatted = f"{remove[0]}.{remove[1]}"
    if (_version[:2] > remove) or (_version[:2] == remove
                                   and _version[3] != "alpha"):
        raise RuntimeError(f"{name!r} was slated for removal after Python "
                           f"{remove_formatted} alpha")
    warn(message.format(name=name, remove=remove_formatted),
         DeprecationWarning, stacklevel=3)


# -- Records and the context manager ------------------------------------------

class WarningMessage(object):
    """One warning, as showwarning receives it (what catch_warnings with
    record=True collects)."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):
    """Save the filters and showwarning on entry and put them back on
    exit. With record=True, warnings are collected as WarningMessage
    objects in the list __enter__ returns instead of being shown; with
    `action`, simplefilter(action, category, lineno, append) applies
    inside."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        module = self._module
        self._filters = module.filters
        module.filters = self._filters[:]
        module._filters_mutated()
        self._showwarning = module.showwarning
        self._showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            # The default showwarning hands every warning to
            # _showwarnmsg_impl: now the log.
            module.showwarning = module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        module = self._module
        module.filters = self._filters
        module._filters_mutated()
        module.showwarning = self._showwarning
        module._showwarnmsg_impl = self._showwarnmsg_impl


# -- Initial state -----------------------------------------------------------

defaultaction = "default"
onceregistry = {}

# CPython's release-build defaults. The '__main__' module entry is a plain
# string, matched exactly (CPython's own filters are made that way).
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]


# -- The -W options ------------------------------------------------------------

class _OptionError(Exception):
    """A -W option that cannot be understood."""


def _option_action(text):
    if not text:
        return "default"
    if text == "all":
        return "always"
    for action in _ACTIONS:
        if action.startswith(text):
            return action
    raise _OptionError("invalid action: %r" % (text,))


def _option_category(text):
    if not text:
        return Warning
    if "." in text:
        module_name, _, class_name = text.rpartition(".")
        try:
            found = getattr(__import__(module_name, None, None, [class_name]), class_name)
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module_name,)) from None
        except AttributeError:
            raise _OptionError("unknown warning category: %r" % (text,)) from None
    else:
        import builtins
        found = getattr(builtins, text, None)
        if found is None:
            raise _OptionError("unknown warning category: %r" % (text,))
    if not (isinstance(found, type) and issubclass(found, Warning)):
        raise _OptionError("invalid warning category: %r" % (text,))
    return found


def _apply_option(option):
    fields = [field.strip() for field in option.split(":")]
    if len(fields) > 5:
        raise _OptionError("too many fields (max 5): %r" % (option,))
    fields += [""] * (5 - len(fields))
    action, message, category, module, lineno = fields
    action = _option_action(action)
    category = _option_category(category)
    if message or module:
        import re
        message = re.escape(message)
        module = re.escape(module) + r"\Z" if module else module
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _apply_options(options):
    for option in options:
        try:
            _apply_option(option)
        except _OptionError as err:
            print("Invalid -W option ignored:", err, file=sys.stderr)


_apply_options(getattr(sys, "warnoptions", ()))
