# json's Python layer: decoder/encoder/scanner classes, hooks, errors.
import json
import json.decoder as jd
import json.encoder as je
import json.scanner as js
from collections import OrderedDict
from decimal import Decimal
import io


def show(label, fn):
    try:
        r = fn()
        print(label, '->', repr(r))
    except Exception as e:
        extra = ''
        if isinstance(e, json.JSONDecodeError):
            extra = ' | %r %r %r %r' % (e.msg, e.pos, e.lineno, e.colno)
        print(label, '!!', type(e).__name__, str(e) + extra)


# Malformed documents: messages and attributes.
bad = ['', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1',
       '{"a":1,', '{"a":1,}', '{"a" 1}', '{1:2}', '{"a":1 "b":2}', '"abc', '"a\\',
       '"\\x"', '"\\u12"', '"\\u12g4"', '"a\nb"', '"a\tb"', '"\x00"', 'tru', 'nul',
       'NaNx', '-', '-a', '01', '1.', '1e', '1e+', '.5', '+1', '[1]x', '1 2', '{}{}',
       'Infinity ', '-Infinity', '\ufeff[]', '[\n1,\n2\n', '{\n"a":\n}', '\n\n  x',
       '[1,\n  ]', '[' * 5 + ']' * 4, '{"a":[}',
       '[true, false, null, 1.5e3, -0, -0.0, 1E-2]', '"\\/\\b\\f\\n\\r\\t\\"\\\\"']
for doc in bad:
    show('loads %r' % doc, lambda: json.loads(doc))
for doc in ['[1,2', '{"a" 1}', '"\x01"']:
    show('bytes %r' % doc, lambda: json.loads(doc.encode()))

# JSONDecodeError itself.
err = jd.JSONDecodeError('Boom', 'ab\ncd\nef', 7)
print(str(err), err.msg, repr(err.doc), err.pos, err.lineno, err.colno, err.args)
print(isinstance(err, ValueError), type(err).__module__, type(err).__name__)
r = err.__reduce__()
print(r[0].__name__, r[1])
e2 = r[0](*r[1])
print(str(e2), e2.lineno, e2.colno)
err = jd.JSONDecodeError('x', '', 0)
print(str(err), err.lineno, err.colno)
import pickle
e3 = pickle.loads(pickle.dumps(jd.JSONDecodeError('P', 'a\nb', 2)))
print(type(e3).__name__, str(e3), e3.pos, e3.lineno)

# Hooks.
show('object_hook', lambda: json.loads('{"a": {"b": 1}, "c": [{}]}', object_hook=lambda d: ('H', sorted(d.items()))))
show('pairs_hook', lambda: json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p))
show('pairs OrderedDict', lambda: json.loads('{"z": 1, "a": {"y": 2}}', object_pairs_hook=OrderedDict))
show('both hooks', lambda: json.loads('{"a": 1}', object_hook=lambda d: 'OH', object_pairs_hook=lambda p: 'PH'))
show('parse_float Decimal', lambda: json.loads('[1.1, 2, 3e2, -0.5]', parse_float=Decimal))
show('parse_int', lambda: json.loads('[1, -20, 3.0, 007]', parse_int=lambda s: ('I', s)))
show('parse_int ok', lambda: json.loads('[1, -20, 3.0]', parse_int=lambda s: ('I', s)))
show('parse_constant', lambda: json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'C:' + s))
show('parse_constant raise', lambda: json.loads('[NaN]', parse_constant=lambda s: 1 / 0))
show('constants', lambda: [str(x) for x in json.loads('[NaN, Infinity, -Infinity]')])
show('hook raises', lambda: json.loads('{"a": 1}', object_hook=lambda d: d['missing']))
show('strict ctrl', lambda: json.loads('"a\tb\nc\x00"', strict=False))
show('strict ctrl obj', lambda: json.loads('{"k\x01": "v\x1f"}', strict=False))
show('strict True ctrl', lambda: json.loads('["ok", "a\x1fb"]'))
show('big int', lambda: json.loads('123456789012345678901234567890'))
show('dup keys', lambda: json.loads('{"a": 1, "a": 2}'))
show('whitespace', lambda: json.loads(' \t\n\r[ 1 , { "a" : 2 } ] \n'))
show('unicode', lambda: json.loads('"\\u00e9\\ud83d\\ude00x"'))
show('type err', lambda: json.loads(5))
show('type err2', lambda: json.loads(None))
show('bytearray', lambda: json.loads(bytearray(b'[1]')))
show('utf16', lambda: json.loads('{"a": "\u00e9"}'.encode('utf-16')))
show('utf-16-le', lambda: json.loads('[1]'.encode('utf-16-le')))
show('utf-32-be', lambda: json.loads('[1]'.encode('utf-32-be')))
show('utf8 bom bytes', lambda: json.loads(b'\xef\xbb\xbf[2]'))
show('load', lambda: json.load(io.StringIO('{"x": [1, 2]}')))
show('load hooks', lambda: json.load(io.StringIO('{"x": 1.5}'), parse_float=str))
show('loads unknown kw', lambda: json.loads('1', foo=1))

# JSONDecoder directly.
d = jd.JSONDecoder()
print(d.strict, d.object_hook, d.object_pairs_hook, d.parse_float is float, d.parse_int is int, d.memo)
print(callable(d.scan_once), callable(d.parse_constant), d.parse_constant('NaN') != d.parse_constant('NaN'), d.parse_constant('Infinity'))
show('raw_decode', lambda: d.raw_decode('[1, 2] trailing'))
show('raw_decode idx', lambda: d.raw_decode('xx{"a": 1}yy', 2))
show('raw_decode ws', lambda: d.raw_decode('  1'))
show('raw_decode end', lambda: d.raw_decode('"abc"', 0))
show('raw_decode empty', lambda: d.raw_decode(''))
show('raw_decode bad idx', lambda: d.raw_decode('[1]', 5))
show('decode extra', lambda: d.decode('[1] [2]'))
show('decode ws', lambda: d.decode('\n [1] \n'))
show('decode non-str', lambda: d.decode(b'[1]'))
show('scan_once', lambda: d.scan_once('  [1]', 2))
show('scan_once stop', lambda: d.scan_once('  [1]', 0))
show('scan_once end', lambda: d.scan_once('[1]', 3))
show('scan_once err', lambda: d.scan_once('[1,', 0))
show('positional', lambda: jd.JSONDecoder(None))
show('strict attr', lambda: jd.JSONDecoder(strict=False).decode('"\t"'))
show('decoder kw', lambda: jd.JSONDecoder(parse_int=float).decode('[1, 2.5]'))


class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        kw.setdefault('object_hook', self.hook)
        super().__init__(**kw)

    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}


class RawDecoder(json.JSONDecoder):
    def raw_decode(self, s, idx=0):
        obj, end = super().raw_decode(s, idx)
        return ('raw', obj), end


class DecodeOverride(json.JSONDecoder):
    def decode(self, s):
        return ('decoded', super().decode(s))


show('cls MyDecoder', lambda: json.loads('{"a": {"b": 2}}', cls=MyDecoder))
show('cls MyDecoder hook kw', lambda: json.loads('{"a": 1}', cls=MyDecoder, object_hook=dict))
show('cls RawDecoder', lambda: json.loads(' [1] ', cls=RawDecoder))
show('cls RawDecoder extra', lambda: json.loads(' [1] 2', cls=RawDecoder))
show('cls DecodeOverride', lambda: json.loads('{"a": 1}', cls=DecodeOverride))
show('cls DecodeOverride load', lambda: json.load(io.StringIO('[3]'), cls=DecodeOverride))

# Encoding.
show('floats', lambda: json.dumps([1.0, -0.0, 1e100, 1.5e-10, 0.1, 3.141592653589793, 1e16, 123456789.125]))
show('inf nan', lambda: json.dumps([float('inf'), float('-inf'), float('nan')]))
show('allow_nan False', lambda: json.dumps([1.5, float('nan')], allow_nan=False))
show('allow_nan False inf', lambda: json.dumps({'a': float('inf')}, allow_nan=False))
show('allow_nan False -inf', lambda: json.dumps(float('-inf'), allow_nan=False))
show('allow_nan False key', lambda: json.dumps({float('nan'): 1}, allow_nan=False))
show('int keys', lambda: json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e', -3: 'f'}))
show('float keys', lambda: json.dumps({float('inf'): 1, float('nan'): 2, 1e20: 3, -0.0: 4}))
show('bad key', lambda: json.dumps({(1, 2): 'x'}))
show('bad key obj', lambda: json.dumps({object: 'x'}))
show('skipkeys', lambda: json.dumps({(1, 2): 'x', 'a': 1, b'b': 2, 3: 4}, skipkeys=True))
show('skipkeys only', lambda: json.dumps({(1, 2): 'x'}, skipkeys=True, indent=2))
show('sort_keys', lambda: json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
show('sort_keys mixed', lambda: json.dumps({'b': 1, 2: 2}, sort_keys=True))
show('sort_keys ints', lambda: json.dumps({10: 1, 2: 2, -1: 3}, sort_keys=True))
show('sort_keys skip', lambda: json.dumps({'b': 1, (1,): 2, 'a': 3}, sort_keys=True, skipkeys=True))
circ = []
circ.append(circ)
show('circular list', lambda: json.dumps(circ))
circ_d = {}
circ_d['self'] = circ_d
show('circular dict', lambda: json.dumps(circ_d))
show('circular default', lambda: json.dumps(object(), default=lambda o: [o]))
show('circular nested', lambda: json.dumps({'a': [1, {'b': circ}]}))
show('no check_circular shared', lambda: json.dumps([[1], [1]], check_circular=False))
shared = [1, 2]
show('shared not circular', lambda: json.dumps([shared, shared, {'x': shared}]))
show('default', lambda: json.dumps({'s': {3, 1, 2}}, default=sorted))
show('default err', lambda: json.dumps({'s': {3, 1, 2}}))
show('default err bytes', lambda: json.dumps(b'x'))
show('default returns bad', lambda: json.dumps(1j, default=lambda o: o))
show('indent int', lambda: json.dumps({'a': [1, [2, {}], []], 'b': {}}, indent=2))
show('indent 0', lambda: json.dumps([1, {'a': 2}], indent=0))
show('indent str', lambda: json.dumps([1, {'a': 2}], indent='\t'))
show('indent neg', lambda: json.dumps([1, 2], indent=-1))
show('separators', lambda: json.dumps({'a': [1, 2]}, separators=(',', ':')))
show('separators indent', lambda: json.dumps({'a': [1, 2]}, indent=1, separators=(', ', ' = ')))
show('ensure_ascii', lambda: json.dumps(['\u00e9\u4e2d\U0001f600', '\x00\x1f\x7f"\\/']))
show('ensure_ascii False', lambda: json.dumps(['\u00e9\u4e2d\U0001f600', '\x00\x1f\x7f"\\/'], ensure_ascii=False))
show('subclass types', lambda: json.dumps([True, False, None, 2**70, -7]))


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyStr(str):
    pass


class MyDict(dict):
    pass


class MyList(list):
    pass


show('subclasses', lambda: json.dumps([MyInt(5), MyFloat(2.5), MyStr('s'), MyDict(a=1), MyList([1]), (1, 2)]))
show('subclass keys', lambda: json.dumps({MyInt(3): 1, MyFloat(1.5): 2, MyStr('k'): 3}))
show('tuple', lambda: json.dumps((1, (2, 3))))
show('dump', lambda: (lambda f: (json.dump({'a': [1, 2]}, f, indent=1), f.getvalue())[1])(io.StringIO()))


class Chunky:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


c = Chunky()
json.dump({'a': [1, 2, {'b': None}]}, c)
print(''.join(c.parts), len(c.parts) >= 1)
c = Chunky()
show('dump fails midway', lambda: json.dump([1, 2, object()], c))
print(''.join(c.parts))

# JSONEncoder directly and subclassing.
e = je.JSONEncoder()
print(e.skipkeys, e.ensure_ascii, e.check_circular, e.allow_nan, e.sort_keys, e.indent, repr(e.item_separator), repr(e.key_separator))
show('encode str', lambda: e.encode('caf\u00e9"'))
show('encode', lambda: e.encode({'a': (1, 2.5, None)}))
show('iterencode', lambda: list(e.iterencode({'a': [1, {'b': 2}]})))
show('iterencode one_shot', lambda: list(e.iterencode([1, 2], _one_shot=True)))
show('iterencode str', lambda: list(e.iterencode('x')))
show('iterencode scalar', lambda: list(e.iterencode(5)))
show('iterencode nan', lambda: list(je.JSONEncoder(allow_nan=False).iterencode([1, float('nan')])))
show('default base', lambda: e.default(object))
show('positional', lambda: je.JSONEncoder(True))
show('separators attr', lambda: (lambda x: (x.item_separator, x.key_separator))(je.JSONEncoder(indent=4)))
show('separators list', lambda: je.JSONEncoder(separators=[';', '=']).encode({'a': [1, 2]}))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


class UpperEncoder(json.JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()


class ChunkEncoder(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield chunk.replace('1', 'one')


class NoOneShot(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        return ['<', str(_one_shot), '>'] + list(super().iterencode(o))


show('SetEncoder', lambda: json.dumps({'s': {3, 1}, 'f': frozenset([2])}, cls=SetEncoder, sort_keys=True))
show('SetEncoder err', lambda: json.dumps({'s': object}, cls=SetEncoder))
show('UpperEncoder', lambda: json.dumps({'a': 'b'}, cls=UpperEncoder))
show('ChunkEncoder', lambda: json.dumps([1, 11, {'1': 1}], cls=ChunkEncoder))
show('ChunkEncoder dump', lambda: (lambda f: (json.dump([1, 21], f, cls=ChunkEncoder), f.getvalue())[1])(io.StringIO()))
show('NoOneShot', lambda: json.dumps([1, 2], cls=NoOneShot))
show('cls kw', lambda: json.dumps([1], cls=SetEncoder, indent=None, separators=(',', ':')))
show('bad kw', lambda: json.dumps([1], foo=1))
show('cls bad kw', lambda: json.dumps([1], cls=SetEncoder, foo=1))

# Module-level helpers.
for name in ['encode_basestring', 'encode_basestring_ascii', 'py_encode_basestring', 'py_encode_basestring_ascii']:
    f = getattr(je, name, None)
    if f is not None:
        show(name, lambda: f('a"b\\c\n\t\x01\u00e9\U0001f600'))
show('INFINITY', lambda: je.INFINITY)
show('decoder consts', lambda: (str(jd.NaN), jd.PosInf, jd.NegInf))
show('make_scanner', lambda: js.make_scanner(jd.JSONDecoder())('{"a": [1]}', 0))
show('py_make_scanner', lambda: js.py_make_scanner(jd.JSONDecoder(parse_int=str))('[1]', 0))
show('scanner stop', lambda: js.make_scanner(jd.JSONDecoder())('', 0))
show('scanner bad', lambda: js.make_scanner(jd.JSONDecoder())('x', 0))
show('scanner err', lambda: js.make_scanner(jd.JSONDecoder())('[x', 0))
show('all', lambda: (jd.__all__, js.__all__, json.__all__))

# Settings are captured when the decoder (its scanner) is made.
d = jd.JSONDecoder()
d.object_hook = lambda o: 'HOOK'
d.parse_int = str
d.strict = False
show('late attrs decode', lambda: d.decode('{"a": 1}'))
show('late attrs raw', lambda: d.raw_decode('[1]'))
show('late strict', lambda: d.decode('"\t"'))


class ScanOverride(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(**kw)
        inner = self.scan_once

        def scan_once(s, idx):
            value, end = inner(s, idx)
            return ('S', value), end
        self.scan_once = scan_once


show('scan_once override', lambda: json.loads(' [1, 2] ', cls=ScanOverride))
show('scan_once override err', lambda: json.loads(' [1, ', cls=ScanOverride))
show('scan_once override empty', lambda: json.loads('  ', cls=ScanOverride))

# scanstring.
for args in [('"abc"', 1), ('abc"', 0), ('x"a\\nb"y', 2), ('"abc', 1), ('abc', 5),
             ('abc', -1), ('"a\tb"', 1), ('"a\tb"', 1, False), ('"\\q"', 1),
             ('"\\u12x4"', 1), ('"\\ud834\\udd1e"', 1), ('', 0), ('"', 1),
             ('""', 3), ('""', 2), ('ab\n"cd', 0), ('[1, "xy\\u00e9"]', 5),
             ('q\n\nab\x01"', 3)]:
    show('scanstring %r' % (args,), lambda: jd.scanstring(*args))
show('py_scanstring', lambda: jd.py_scanstring('"x"', 1))
show('parse_string', lambda: jd.JSONDecoder().parse_string('"k"', 1))
