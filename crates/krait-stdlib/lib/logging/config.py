"""Configuring logging from a dictionary (`dictConfig`, schema version 1)
or from a configparser-style file (`fileConfig`).

Written for krait against the behaviour of CPython 3.11's
`logging.config`.  Network listening (`listen`) is not available in
krait, since there are no sockets."""

import io
import os
import re
import sys

import logging
import logging.handlers

DEFAULT_LOGGING_CONFIG_PORT = 9030

# Kept for compatibility; krait has no reset-on-error socket listener.
RESET_ERROR = 104

_listener = None

_IDENT = re.compile(r'^[a-z_][a-z0-9_]*$', re.I)
_PROTOCOL = re.compile(r'^(?P<proto>[a-z]+)://(?P<rest>.*)$')
_FIRST_WORD = re.compile(r'^\s*(\w+)\s*')
_DOT_STEP = re.compile(r'^\.\s*(\w+)\s*')
_INDEX_STEP = re.compile(r'^\[\s*(\w+)\s*\]\s*')
_DIGITS = re.compile(r'^\d+$')


def valid_ident(s):
    """True if `s` may be used as a keyword argument name, otherwise a
    ValueError."""
    if _IDENT.match(s) is None:
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _import_dotted(dotted, importer=__import__):
    """Import as much of `dotted` as is a module and fetch the rest as
    attributes."""
    parts = dotted.split('.')
    so_far = parts[0]
    obj = importer(so_far)
    for part in parts[1:]:
        so_far = so_far + '.' + part
        if not hasattr(obj, part):
            importer(so_far)
        obj = getattr(obj, part)
    return obj


# ------------------------------------------------------------- dictConfig

class _Pending:
    """Marker for a handler whose MemoryHandler target is not built yet."""


class _TargetNotReady(TypeError):
    pass


class DictConfigurator(object):
    """Applies one configuration dictionary.  `dictConfigClass` may be
    replaced by a subclass to customise the process."""

    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = dict(config)

    # --- value conversion (ext:// and cfg://) ---------------------------

    def resolve(self, s):
        s.split('.')        # a missing class name fails here, as in CPython
        try:
            return _import_dotted(s, self.importer)
        except ImportError as exc:
            problem = ValueError('Cannot resolve %r: %s' % (s, exc))
            raise problem from exc

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        rest = value
        m = _FIRST_WORD.match(rest)
        if m is None:
            raise ValueError('Unable to convert %r' % value)
        here = self.config[m.group(1)]
        rest = rest[m.end():]
        while rest:
            m = _DOT_STEP.match(rest)
            if m is not None:
                here = here[m.group(1)]
            else:
                m = _INDEX_STEP.match(rest)
                if m is None:
                    raise ValueError('Unable to convert %r at %r' % (value, rest))
                key = m.group(1)
                if _DIGITS.match(key):
                    try:
                        here = here[int(key)]
                    except TypeError:
                        here = here[key]
                else:
                    here = here[key]
            rest = rest[m.end():]
        return self.convert(here)

    def convert(self, value):
        """Turn 'ext://...' and 'cfg://...' strings into what they name;
        leave everything else alone."""
        if isinstance(value, str):
            m = _PROTOCOL.match(value)
            if m is not None:
                proto = m.group('proto')
                if proto == 'ext':
                    return self.ext_convert(m.group('rest'))
                if proto == 'cfg':
                    return self.cfg_convert(m.group('rest'))
        return value

    def deep_convert(self, value):
        if isinstance(value, dict):
            return {k: self.deep_convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.deep_convert(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.deep_convert(v) for v in value)
        return self.convert(value)

    def section(self, key):
        found = self.convert(self.config.get(key))
        return found if found is not None else {}

    def item(self, mapping, key, default=None):
        if key not in mapping:
            return default
        return self.convert(mapping[key])

    def keyword_args(self, spec):
        """The keyword arguments for a constructor: every remaining key,
        each of which must be a valid identifier."""
        kwargs = {}
        for key in spec:
            if valid_ident(key):
                kwargs[key] = self.deep_convert(spec[key])
        return kwargs

    def callable_of(self, thing):
        return thing if callable(thing) else self.resolve(thing)

    def configure_custom(self, spec):
        spec = dict(spec)
        factory = self.callable_of(self.convert(spec.pop('()')))
        extra_attrs = self.convert(spec.pop('.', None))
        made = factory(**self.keyword_args(spec))
        if extra_attrs:
            for attr, val in extra_attrs.items():
                setattr(made, attr, self.deep_convert(val))
        return made

    # --- the pieces --------------------------------------------------------

    def configure_formatter(self, spec):
        spec = dict(spec)
        if '()' in spec:
            try:
                return self.configure_custom(spec)
            except TypeError as exc:
                if "'format'" not in str(exc) or 'format' not in spec:
                    raise
                spec['fmt'] = spec.pop('format')
                return self.configure_custom(spec)
        fmt = self.item(spec, 'format')
        datefmt = self.item(spec, 'datefmt')
        style = self.item(spec, 'style', '%')
        cls_name = self.item(spec, 'class')
        cls = self.callable_of(cls_name) if cls_name else logging.Formatter
        if 'validate' in spec:
            return cls(fmt, datefmt, style, self.item(spec, 'validate'))
        return cls(fmt, datefmt, style)

    def configure_filter(self, spec):
        if '()' in spec:
            return self.configure_custom(spec)
        return logging.Filter(self.item(spec, 'name', ''))

    def add_filters(self, target, names):
        table = self.section('filters')
        for name in names:
            try:
                if isinstance(name, str):
                    flt = table[name]
                else:
                    flt = name
                target.addFilter(flt)
            except Exception as exc:
                raise ValueError('Unable to add filter %r' % name) from exc

    def add_handlers(self, logger, names):
        table = self.section('handlers')
        for name in names:
            try:
                logger.addHandler(table[name])
            except Exception as exc:
                raise ValueError('Unable to add handler %r' % name) from exc

    def configure_handler(self, spec):
        spec = dict(spec)
        fmt_name = self.convert(spec.pop('formatter', None))
        formatter = None
        if fmt_name:
            try:
                formatter = self.section('formatters')[fmt_name]
            except Exception as exc:
                raise ValueError('Unable to set formatter %r' % fmt_name) from exc
        level = self.convert(spec.pop('level', None))
        filters = self.convert(spec.pop('filters', None))
        if '()' in spec:
            maker = self.callable_of(self.convert(spec.pop('()')))
        else:
            cls_ref = self.convert(spec.pop('class', None))
            maker = self.resolve(cls_ref)
            if (isinstance(maker, type)
                    and issubclass(maker, logging.handlers.MemoryHandler)
                    and 'target' in spec):
                wanted = self.convert(spec['target'])
                try:
                    built = self.section('handlers')[wanted]
                    if not isinstance(built, logging.Handler):
                        raise _TargetNotReady('target not configured yet')
                    spec['target'] = built
                except Exception as exc:
                    raise ValueError('Unable to set target handler %r'
                                     % wanted) from exc
        extra_attrs = self.convert(spec.pop('.', None))
        kwargs = self.keyword_args(spec)
        try:
            handler = maker(**kwargs)
        except TypeError as exc:
            if "'stream'" not in str(exc) or 'stream' not in kwargs:
                raise
            kwargs['strm'] = kwargs.pop('stream')
            handler = maker(**kwargs)
        if formatter is not None:
            handler.setFormatter(formatter)
        if level is not None:
            handler.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(handler, filters)
        if extra_attrs:
            for attr, val in extra_attrs.items():
                setattr(handler, attr, self.deep_convert(val))
        return handler

    def common_logger_config(self, logger, spec, incremental=False):
        level = self.item(spec, 'level')
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if incremental:
            return
        for old in list(logger.handlers):
            logger.removeHandler(old)
        names = self.item(spec, 'handlers')
        if names:
            self.add_handlers(logger, names)
        flts = self.item(spec, 'filters')
        if flts:
            self.add_filters(logger, flts)

    def configure_logger(self, name, spec, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, spec, incremental)
        logger.disabled = False
        propagate = self.item(spec, 'propagate')
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, spec, incremental=False):
        self.common_logger_config(logging.getLogger(), spec, incremental)

    # --- driver -------------------------------------------------------------

    def configure(self):
        cfg = self.config
        if 'version' not in cfg:
            raise ValueError("dictionary doesn't specify a version")
        if cfg['version'] != 1:
            raise ValueError('Unsupported version: %s' % cfg['version'])
        incremental = self.convert(cfg.pop('incremental', False))
        logging._acquireLock()
        try:
            if incremental:
                self._apply_incremental()
            else:
                self._apply_full()
        finally:
            logging._releaseLock()

    def _apply_incremental(self):
        for name, spec in self.section('handlers').items():
            if name not in logging._handlers:
                raise ValueError('No handler found with name %r' % name)
            try:
                handler = logging._handlers[name]
                level = self.item(spec, 'level')
                if level:
                    handler.setLevel(logging._checkLevel(level))
            except Exception as exc:
                raise ValueError('Unable to configure handler %r' % name) from exc
        for name, spec in self.section('loggers').items():
            try:
                self.configure_logger(name, spec, True)
            except Exception as exc:
                raise ValueError('Unable to configure logger %r' % name) from exc
        root_spec = self.item(self.config, 'root')
        if root_spec:
            try:
                self.configure_root(root_spec, True)
            except Exception as exc:
                raise ValueError('Unable to configure root logger') from exc

    def _build_all(self, kind, builder):
        table = self.section(kind)
        for name in list(table):
            try:
                table[name] = builder(self.convert(table[name]))
            except Exception as exc:
                raise ValueError('Unable to configure %s %r'
                                 % (kind[:-1], name)) from exc
        return table

    def _apply_full(self):
        cfg = self.config
        disable_others = self.convert(cfg.pop('disable_existing_loggers', True))
        _drop_all_handlers()
        for kind in ('formatters', 'filters', 'handlers', 'loggers'):
            if kind in cfg and cfg[kind] is not None:
                cfg[kind] = dict(self.convert(cfg[kind]))
        self._build_all('formatters', self.configure_formatter)
        self._build_all('filters', self.configure_filter)
        self._build_handlers()

        manager = logging.root.manager
        untouched = sorted(manager.loggerDict)
        children = set()
        for name, spec in self.section('loggers').items():
            if name in untouched:
                prefix = name + '.'
                for other in untouched:
                    if other.startswith(prefix):
                        children.add(other)
                untouched.remove(name)
            try:
                self.configure_logger(name, spec)
            except Exception as exc:
                raise ValueError('Unable to configure logger %r' % name) from exc
        _settle_leftovers(untouched, children, disable_others)

        root_spec = self.item(cfg, 'root')
        if root_spec:
            try:
                self.configure_root(root_spec)
            except Exception as exc:
                raise ValueError('Unable to configure root logger') from exc

    def _build_handlers(self):
        table = self.section('handlers')
        originals = dict(table)
        retry = []
        for name in sorted(table):
            try:
                handler = self.configure_handler(self.convert(originals[name]))
            except Exception as exc:
                if isinstance(exc.__cause__, _TargetNotReady):
                    retry.append(name)
                    continue
                raise ValueError('Unable to configure handler %r' % name) from exc
            handler.name = name
            table[name] = handler
        for name in retry:
            try:
                handler = self.configure_handler(self.convert(originals[name]))
            except Exception as exc:
                raise ValueError('Unable to configure handler %r' % name) from exc
            handler.name = name
            table[name] = handler


def _settle_leftovers(names, children, disable):
    """Loggers that existed before configuration but were not named in it:
    children of configured loggers are reset so they pass records up;
    the others are disabled when `disable` is true."""
    registry = logging.root.manager.loggerDict
    for name in names:
        lg = registry[name]
        if name in children:
            if isinstance(lg, logging.PlaceHolder):
                continue
            lg.setLevel(logging.NOTSET)
            lg.handlers = []
            lg.propagate = True
        elif disable:
            lg.disabled = True


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging from the dictionary `config`."""
    dictConfigClass(config).configure()


# ------------------------------------------------------------- fileConfig

def _names(text):
    return [piece.strip() for piece in text.split(',') if piece.strip()]


def _load_parser(fname, defaults, encoding):
    import configparser
    if isinstance(fname, configparser.RawConfigParser):
        return fname
    if isinstance(fname, (str, bytes, os.PathLike)):
        if not os.path.exists(fname):
            raise FileNotFoundError(f"{fname} doesn't exist")
        if os.path.getsize(fname) == 0:
            raise RuntimeError(f'{fname} is an empty file')
    parser = configparser.ConfigParser(defaults)
    try:
        if hasattr(fname, 'readline'):
            parser.read_file(fname)
        else:
            if encoding is None and hasattr(io, 'text_encoding'):
                encoding = io.text_encoding(encoding)
            parser.read(fname, encoding=encoding)
    except configparser.ParsingError as exc:
        raise RuntimeError(f'{fname} is invalid: {exc}')
    return parser


def _formatters_from(parser):
    wanted = _names(parser['formatters']['keys'])
    made = {}
    for key in wanted:
        sect = 'formatter_' + key
        fmt = parser.get(sect, 'format', raw=True, fallback=None)
        datefmt = parser.get(sect, 'datefmt', raw=True, fallback=None)
        style = parser.get(sect, 'style', raw=True, fallback='%')
        cls_name = parser[sect].get('class')
        cls = _import_dotted(cls_name) if cls_name else logging.Formatter
        made[key] = cls(fmt, datefmt, style)
    return made


def _evaluate(text):
    return eval(text, vars(logging))


def _handlers_from(parser, formatters):
    wanted = _names(parser['handlers']['keys'])
    made = {}
    targets = []
    for key in wanted:
        sect = parser['handler_' + key]
        cls_text = sect['class']
        try:
            cls = _evaluate(cls_text)
        except (AttributeError, NameError):
            cls = _import_dotted(cls_text)
        args = _evaluate(sect.get('args', '()'))
        kwargs = _evaluate(sect.get('kwargs', '{}'))
        handler = cls(*args, **kwargs)
        handler.name = key
        if 'level' in sect:
            handler.setLevel(sect['level'])
        fmt_key = sect.get('formatter', '')
        if fmt_key:
            handler.setFormatter(formatters[fmt_key])
        if issubclass(cls, logging.handlers.MemoryHandler):
            target = sect.get('target', '')
            if target:
                targets.append((handler, target))
        made[key] = handler
    for handler, target in targets:
        handler.setTarget(made[target])
    return made


def _attach(logger, sect, handlers):
    for old in list(logger.handlers):
        logger.removeHandler(old)
    for key in _names(sect['handlers']):
        logger.addHandler(handlers[key])


def _loggers_from(parser, handlers, disable_others):
    wanted = _names(parser['loggers']['keys'])
    wanted.remove('root')
    root_sect = parser['logger_root']
    root = logging.root
    if 'level' in root_sect:
        root.setLevel(root_sect['level'])
    _attach(root, root_sect, handlers)

    untouched = sorted(root.manager.loggerDict)
    children = set()
    for key in wanted:
        sect = parser['logger_' + key]
        qualname = sect['qualname']
        propagate = sect.getint('propagate', fallback=1)
        logger = logging.getLogger(qualname)
        if qualname in untouched:
            prefix = qualname + '.'
            for other in untouched:
                if other.startswith(prefix):
                    children.add(other)
            untouched.remove(qualname)
        if 'level' in sect:
            logger.setLevel(sect['level'])
        logger.propagate = propagate
        logger.disabled = False
        _attach(logger, sect, handlers)
    _settle_leftovers(untouched, children, disable_others)


def _drop_all_handlers():
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    """Configure logging from a configparser-format file: a file name, an
    open file, or an already loaded ConfigParser."""
    parser = _load_parser(fname, defaults, encoding)
    formatters = _formatters_from(parser)
    logging._acquireLock()
    try:
        _drop_all_handlers()
        handlers = _handlers_from(parser, formatters)
        _loggers_from(parser, handlers, disable_existing_loggers)
    finally:
        logging._releaseLock()


# ------------------------------------------------------------- listening

def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    """Not available: krait has no sockets or threads for a config server."""
    raise NotImplementedError('logging.config.listen() is not supported by krait')


def stopListening():
    """Nothing to stop, since listen() is unsupported."""
    global _listener
    _listener = None
