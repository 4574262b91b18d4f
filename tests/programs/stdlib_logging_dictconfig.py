# logging.config.dictConfig: formatters, filters, handlers, loggers, root,
# ext:// and cfg:// references, incremental mode, disabling, errors.
import io
import sys
import logging
import logging.config

OUT = io.StringIO()
sys.modules['__main__'].OUT = OUT


class Upper(logging.Filter):
    def filter(self, record):
        record.msg = str(record.msg).upper()
        return True


def make_formatter(fmt, prefix='>'):
    return logging.Formatter(prefix + fmt)


class Custom(logging.StreamHandler):
    def __init__(self, strm=None, tag='?'):
        logging.StreamHandler.__init__(self, strm)
        self.tag = tag


def show():
    print(OUT.getvalue(), end='')
    OUT.seek(0)
    OUT.truncate()


old = logging.getLogger('old.one')
old_child = logging.getLogger('app.sub')
old_child.setLevel(logging.ERROR)

logging.config.dictConfig({
    'version': 1,
    'formatters': {
        'plain': {'format': '%(levelname)s|%(name)s|%(message)s'},
        'brace': {'format': '{levelname}:{message}', 'style': '{'},
        'fact': {'()': make_formatter, 'format': '%(message)s', 'prefix': '#'},
        'nov': {'format': 'no fields at all', 'validate': False},
    },
    'filters': {
        'only_app': {'name': 'app'},
        'upper': {'()': Upper},
    },
    'handlers': {
        'main': {'class': 'logging.StreamHandler', 'stream': 'ext://__main__.OUT',
                 'formatter': 'plain', 'level': 'DEBUG'},
        'brace': {'class': 'logging.StreamHandler', 'stream': 'cfg://handlers.main.stream',
                  'formatter': 'brace', 'filters': ['upper'], 'level': 'WARNING'},
        'custom': {'()': Custom, 'stream': 'ext://__main__.OUT', 'tag': 'T',
                   'formatter': 'fact', '.': {'extra_attr': 42}},
        'null': {'class': 'logging.NullHandler'},
        'mem': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2,
                'target': 'main'},
    },
    'loggers': {
        'app': {'level': 'DEBUG', 'handlers': ['main', 'brace'], 'propagate': False,
                'filters': ['only_app']},
        'other': {'handlers': ['custom'], 'level': 'INFO'},
        'buffered': {'handlers': ['mem'], 'level': 'DEBUG', 'propagate': False},
    },
    'root': {'level': 'CRITICAL', 'handlers': ['null']},
})

app = logging.getLogger('app')
app.debug('debug %d', 1)
app.warning('careful')
logging.getLogger('app.sub').info('from child')
logging.getLogger('other').info('other info')
logging.getLogger('other').debug('hidden')
buf = logging.getLogger('buffered')
buf.info('one')
show()
buf.info('two')
show()
print('old disabled:', old.disabled, 'child disabled:', old_child.disabled,
      'child level:', old_child.level, 'child propagate:', old_child.propagate)
h = logging.getLogger('other').handlers[0]
print(type(h).__name__, h.tag, h.extra_attr, h.name, h.level)
print([type(f).__name__ for f in logging.getLogger('app').filters])
print(logging.getLogger().level, [type(x).__name__ for x in logging.getLogger().handlers])
print(logging.getLogger('buffered').handlers[0].target.name)

# incremental: change levels only
logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'main': {'level': 'ERROR'}},
                           'loggers': {'other': {'level': 'DEBUG'}}})
app.warning('now dropped by handler')
app.error('still shown')
logging.getLogger('other').debug('visible now')
show()

# disable_existing_loggers False keeps loggers alive
keep = logging.getLogger('keepme')
logging.config.dictConfig({'version': 1, 'disable_existing_loggers': False,
                           'handlers': {'h': {'class': 'logging.StreamHandler',
                                              'stream': 'ext://__main__.OUT'}},
                           'root': {'level': 'INFO', 'handlers': ['h']}})
keep.info('kept')
logging.getLogger('app').info('app re-enabled? %s', not logging.getLogger('app').disabled)
show()
logging.config.dictConfig({'version': 1})
print('keepme disabled:', keep.disabled)

# cfg:// with indexes
logging.config.dictConfig({
    'version': 1,
    'streams': [None, 'ext://__main__.OUT'],
    'levels': {'mine': 'INFO'},
    'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://streams[1]',
                       'level': 'cfg://levels[mine]'}},
    'loggers': {'idx': {'handlers': ['h'], 'level': 'DEBUG'}},
})
logging.getLogger('idx').debug('no')
logging.getLogger('idx').info('yes via cfg index')
show()

def attempt(cfg):
    try:
        logging.config.dictConfig(cfg)
        print('ok')
    except Exception as e:
        c = e.__cause__
        print(type(e).__name__, e, '| cause:', type(c).__name__, c)

attempt({})
attempt({'version': 2})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.Nope'}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'nopemod.X'}}})
attempt({'version': 1, 'handlers': {'h': {}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'level': 'BOGUS'}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'formatter': 'f'}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'filters': ['f']}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'bad-key': 1}}})
attempt({'version': 1, 'loggers': {'a': {'handlers': ['zz']}}})
attempt({'version': 1, 'loggers': {'a': {'level': 'ZZ'}}})
attempt({'version': 1, 'root': {'level': 'ZZ'}})
attempt({'version': 1, 'formatters': {'f': {'format': 'x', 'style': '$'}}})
attempt({'version': 1, 'filters': {'f': {'()': 'nomod.x'}}})
attempt({'version': 1, 'incremental': True, 'handlers': {'nope': {'level': 'DEBUG'}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://nothing'}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://a[x'}}, 'a': {}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://!'}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://a.b'}}, 'a': 3})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://a[1]'}}, 'a': [0]})
attempt({'version': 1, 'loggers': {'a': {'filters': [logging.Filter('q')]}}})
attempt({'version': 1, 'formatters': {'f': {'()': logging.Formatter, 'format': '%(message)s'}}})
attempt({'version': 1, 'formatters': {'f': {'()': logging.Formatter, 'fmt': 'm', 'bad key': 2}}})
attempt({'version': 1, 'handlers': {'h': {'class': 'logging.handlers.MemoryHandler',
                                          'capacity': 1, 'target': 'zz'}}})
print(logging.config.valid_ident('abc_1'))
for bad in ('1a', 'a-b', ''):
    try:
        logging.config.valid_ident(bad)
    except ValueError as e:
        print(e)
print(logging.config.DEFAULT_LOGGING_CONFIG_PORT)
