"""The Punycode codec (RFC 3492, CPython's `encodings.punycode`): Unicode
text as ASCII bytes, the ASCII characters first (followed by '-' when
there are any), then the others as variable-length base-36 numbers that
say where to insert which code point.

`punycode_encode(text)` and `punycode_decode(data, errors)` do the work;
decoding takes 'strict' (UnicodeError on bad or truncated input),
'replace' or 'ignore' (both stop at the first bad number and return what
was decoded so far, out-of-range code points becoming '?').
"""

import codecs

# RFC 3492's parameters.
_BASE, _TMIN, _TMAX, _SKEW, _DAMP = 36, 1, 26, 38, 700
_INITIAL_BIAS, _INITIAL_N = 72, 0x80
_DIGITS = b"abcdefghijklmnopqrstuvwxyz0123456789"


def _threshold(k, bias):
    return min(max(k - bias, _TMIN), _TMAX)


def _adapt(delta, first, count):
    """The bias for the next number, from the last delta."""
    delta //= _DAMP if first else 2
    delta += delta // count
    k = 0
    while delta > ((_BASE - _TMIN) * _TMAX) // 2:
        delta //= _BASE - _TMIN
        k += _BASE
    return k + (_BASE - _TMIN + 1) * delta // (delta + _SKEW)


def punycode_encode(text):
    """`text` as Punycode bytes."""
    out = bytearray(ord(c) for c in text if ord(c) < 0x80)
    basic = len(out)
    if basic:
        out.append(0x2D)    # '-'
    codes = [ord(c) for c in text]
    n, delta, bias, done = _INITIAL_N, 0, _INITIAL_BIAS, basic
    while done < len(codes):
        # The smallest code point not yet inserted, and how many steps
        # (positions times code points) it is from the last insertion.
        m = min(c for c in codes if c >= n)
        delta += (m - n) * (done + 1)
        n = m
        for c in codes:
            if c < n:
                delta += 1
            elif c == n:
                q = delta
                k = _BASE
                while True:
                    t = _threshold(k, bias)
                    if q < t:
                        break
                    out.append(_DIGITS[t + (q - t) % (_BASE - t)])
                    q = (q - t) // (_BASE - t)
                    k += _BASE
                out.append(_DIGITS[q])
                bias = _adapt(delta, done == basic, done + 1)
                delta = 0
                done += 1
        delta += 1
        n += 1
    return bytes(out)


def _read_number(extended, pos, bias, errors):
    """(position after, value) of the base-36 number at `pos`; value None
    when it is cut short or has a bad digit and errors is not 'strict'."""
    value, weight, k = 0, 1, _BASE
    while True:
        if pos >= len(extended):
            if errors == 'strict':
                raise UnicodeError("incomplete punicode string")
            return pos + 1, None
        char = extended[pos]
        pos += 1
        if 'A' <= char <= 'Z':
            digit = ord(char) - 0x41
        elif '0' <= char <= '9':
            digit = ord(char) - 22
        elif errors == 'strict':
            raise UnicodeError("Invalid extended code point '%s'" % char)
        else:
            return pos, None
        value += digit * weight
        t = _threshold(k, bias)
        if digit < t:
            return pos, value
        weight *= _BASE - t
        k += _BASE


def punycode_decode(text, errors):
    """Punycode `text` (bytes or str) as Unicode text."""
    if isinstance(text, str):
        text = text.encode('ascii')
    if isinstance(text, memoryview):
        text = bytes(text)
    cut = text.rfind(b'-')
    if cut < 0:
        result, extended = '', str(text, 'ascii').upper()
    else:
        result = str(text[:cut], 'ascii', errors)
        extended = str(text[cut + 1:], 'ascii').upper()
    code, spot, bias, pos = _INITIAL_N, -1, _INITIAL_BIAS, 0
    while pos < len(extended):
        after, delta = _read_number(extended, pos, bias, errors)
        if delta is None:
            # Past a bad number the rest cannot be placed: stop here.
            return result
        spot += delta + 1
        code += spot // (len(result) + 1)
        if code > 0x10FFFF:
            if errors == 'strict':
                raise UnicodeError("Invalid character U+%x" % code)
            code = ord('?')
        spot %= len(result) + 1
        result = result[:spot] + chr(code) + result[spot:]
        bias = _adapt(delta, pos == 0, len(result))
        pos = after
    return result


def _check_errors(errors):
    if errors not in ('strict', 'replace', 'ignore'):
        raise UnicodeError("Unsupported error handling " + errors)


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return punycode_encode(input), len(input)

    def decode(self, input, errors='strict'):
        _check_errors(errors)
        return punycode_decode(input, errors), len(input)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return punycode_encode(input)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        _check_errors(self.errors)
        return punycode_decode(input, self.errors)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='punycode',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
