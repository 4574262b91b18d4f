"""Punycode (RFC 3492): text as ASCII bytes. The basic (ASCII) characters
come first, then '-' if there were any, then one variable-length base-36
number per other character saying where to insert which code point.

Decoding accepts the errors 'strict', 'replace' and 'ignore'; the last
two stop quietly at a bad or cut-short number.
"""

import codecs

_ALPHABET = b"abcdefghijklmnopqrstuvwxyz0123456789"
_BIAS0 = 72
_CODE0 = 0x80
_HANDLERS = ('strict', 'replace', 'ignore')


def _clamp(k, bias):
    # The digit threshold for position k: between 1 and 26.
    t = k - bias
    return 1 if t < 1 else (26 if t > 26 else t)


def _next_bias(delta, count, first):
    delta = delta // 700 if first else delta >> 1
    delta += delta // count
    shift = 0
    while delta > 455:          # ((36 - 1) * 26) // 2
        delta //= 35
        shift += 36
    return shift + (36 * delta) // (delta + 38)


def _emit_number(out, q, bias):
    k = 36
    t = _clamp(k, bias)
    while q >= t:
        span = 36 - t
        out.append(_ALPHABET[t + (q - t) % span])
        q = (q - t) // span
        k += 36
        t = _clamp(k, bias)
    out.append(_ALPHABET[q])


def punycode_encode(text):
    points = [ord(ch) for ch in text]
    out = bytearray(p for p in points if p < 0x80)
    handled = len(out)
    basic_count = handled
    if handled:
        out += b"-"
    total = len(points)
    bias = _BIAS0
    delta = 0
    previous = _CODE0
    for current in sorted({p for p in points if p >= 0x80}):
        # Skip ahead over every (position, code point) pair below
        # `current`, then walk the text once.
        delta += (current - previous) * (handled + 1)
        for p in points:
            if p < current:
                delta += 1
            elif p == current:
                _emit_number(out, delta, bias)
                bias = _next_bias(delta, handled + 1, handled == basic_count)
                handled += 1
                delta = 0
        delta += 1
        previous = current + 1
        if handled == total:
            break
    return bytes(out)


def _digit_value(ch):
    # 'A'-'Z' are 0-25, '0'-'9' are 26-35; -1 for anything else.
    if 'A' <= ch <= 'Z':
        return ord(ch) - 65
    if '0' <= ch <= '9':
        return ord(ch) - 22
    return -1


def punycode_decode(text, errors):
    if isinstance(text, str):
        text = text.encode('ascii')
    elif isinstance(text, memoryview):
        text = bytes(text)
    dash = text.rfind(b'-')
    if dash == -1:
        chars = []
        rest = str(text, 'ascii')
    else:
        chars = list(str(text[:dash], 'ascii', errors))
        rest = str(text[dash + 1:], 'ascii')
    rest = rest.upper()
    strict = errors == 'strict'
    end = len(rest)
    pos = 0
    code = _CODE0
    bias = _BIAS0
    index = -1
    first = True
    while pos < end:
        # One generalised variable-length integer.
        value = 0
        weight = 1
        k = 36
        while True:
            if pos >= end:
                if strict:
                    raise UnicodeError("incomplete punicode string")
                return ''.join(chars)
            ch = rest[pos]
            pos += 1
            digit = _digit_value(ch)
            if digit < 0:
                if strict:
                    raise UnicodeError("Invalid extended code point '%s'" % ch)
                return ''.join(chars)
            value += digit * weight
            t = _clamp(k, bias)
            if digit < t:
                break
            weight *= 36 - t
            k += 36
        index += value + 1
        slots = len(chars) + 1
        code += index // slots
        index %= slots
        if code > 0x10FFFF:
            if strict:
                raise UnicodeError("Invalid character U+%x" % code)
            chars.insert(index, '?')
        else:
            chars.insert(index, chr(code))
        bias = _next_bias(value, len(chars), first)
        first = False
    return ''.join(chars)


def _require_handler(errors):
    if errors not in _HANDLERS:
        raise UnicodeError("Unsupported error handling " + errors)


class Codec(codecs.Codec):
    def encode(self, input, errors="strict"):
        return punycode_encode(input), len(input)

    def decode(self, input, errors="strict"):
        _require_handler(errors)
        return punycode_decode(input, errors), len(input)


class IncrementalEncoder(codecs.IncrementalEncoder):
    # Whole pieces only: each call encodes what it is given.
    def encode(self, input, final=False):
        return punycode_encode(input)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        _require_handler(self.errors)
        return punycode_decode(input, self.errors)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    plain = Codec()
    return codecs.CodecInfo(plain.encode, plain.decode, StreamReader,
                            StreamWriter, IncrementalEncoder,
                            IncrementalDecoder, 'punycode')
