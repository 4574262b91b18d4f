"""IDNA 2003 (RFC 3490): internationalised domain names as ASCII, each
non-ASCII label nameprep'ed and Punycode-encoded behind 'xn--'.

krait note: there is no `stringprep` module nor a Unicode 3.2 database,
so `nameprep` (RFC 3491) is approximated: table B.1 characters are
dropped, the rest case-folded and NFKC-normalised with the current
Unicode data, then the prohibited tables C.1.2-C.9 and the bidi rules
are checked.
"""

import codecs
import re
import unicodedata

from . import punycode as _puny

# The four full stops IDNA splits names at.
dots = re.compile("[.\u3002\uff0e\uff61]")

ace_prefix = b"xn--"
sace_prefix = "xn--"

_DROPPED = frozenset(
    "\u00ad\u034f\u1806\u180b\u180c\u180d\u200b\u200c\u200d\u2060\ufeff"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10)))

# Code point ranges of RFC 3454 tables C.1.2 to C.9, sorted by start.
_FORBIDDEN = sorted([
    (0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200B), (0x202F, 0x202F),
    (0x205F, 0x205F), (0x3000, 0x3000),                         # spaces
    (0x0080, 0x009F), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x180E, 0x180E),
    (0x200C, 0x200D), (0x2028, 0x2029), (0x2060, 0x2063), (0x206A, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFC), (0x1D173, 0x1D17A),     # controls
    (0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD), # private
    (0xFDD0, 0xFDEF), (0xD800, 0xDFFF), (0xFFF9, 0xFFFD),
    (0x2FF0, 0x2FFB), (0x0340, 0x0341), (0x200E, 0x200F), (0x202A, 0x202E),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
])


def _is_forbidden(cp):
    if cp & 0xFFFE == 0xFFFE:       # U+nFFFE and U+nFFFF
        return True
    for low, high in _FORBIDDEN:
        if cp < low:
            return False
        if cp <= high:
            return True
    return False


def nameprep(label):
    kept = [ch.casefold() for ch in label if ch not in _DROPPED]
    label = unicodedata.normalize("NFKC", "".join(kept))
    for ch in label:
        if _is_forbidden(ord(ch)):
            raise UnicodeError("Invalid character %r" % ch)
    classes = [unicodedata.bidirectional(ch) for ch in label]
    right_to_left = [c == "R" or c == "AL" for c in classes]
    if True in right_to_left:
        # RFC 3454 section 6: no left-to-right characters, and the label
        # both begins and ends right-to-left.
        if "L" in classes:
            raise UnicodeError("Violation of BIDI requirement 2")
        if not (right_to_left[0] and right_to_left[-1]):
            raise UnicodeError("Violation of BIDI requirement 3")
    return label


def _ascii_or_none(label):
    try:
        return label.encode("ascii")
    except UnicodeError:
        return None


def _fits(data):
    if not data or len(data) > 63:
        raise UnicodeError("label empty or too long")
    return data


def ToASCII(label):
    raw = _ascii_or_none(label)
    if raw is not None:
        return _fits(raw)
    label = nameprep(label)
    raw = _ascii_or_none(label)
    if raw is not None:
        return _fits(raw)
    if label[:4] == sace_prefix:
        raise UnicodeError("Label starts with ACE prefix")
    return _fits(ace_prefix + _puny.punycode_encode(label))


def ToUnicode(label):
    if isinstance(label, str):
        raw = _ascii_or_none(label)
        if raw is None:
            raw = _ascii_or_none(nameprep(label))
            if raw is None:
                raise UnicodeError("Invalid character in IDN label")
        label = raw
    if label[:4] != ace_prefix:
        return label.decode("ascii")
    try:
        decoded = _puny.punycode_decode(label[4:], "strict")
    except UnicodeError as exc:
        if type(exc) is not UnicodeError:
            raise
        # CPython goes through the codec registry, which words it so.
        raise UnicodeError("decoding with 'punycode' codec failed (%s: %s)"
                           % (type(exc).__name__, exc)) from exc
    again = ToASCII(decoded)
    if label.decode("ascii").lower() != again.decode("ascii"):
        raise UnicodeError("IDNA does not round-trip", label, again)
    return decoded


def _strict_only(errors, word):
    if errors != "strict":
        raise UnicodeError(word + " error handling " + errors)


def _split_trailing(labels, final, dot):
    # Drops a last empty label (a trailing dot) or, before the end of the
    # stream, a last label that may still grow; returns the suffix.
    if not labels:
        return labels, dot[:0]
    if not labels[-1]:
        return labels[:-1], dot
    if final:
        return labels, dot[:0]
    labels = labels[:-1]
    return labels, (dot if labels else dot[:0])


class Codec(codecs.Codec):
    def encode(self, input, errors="strict"):
        _strict_only(errors, "unsupported")
        if not input:
            return b"", 0
        raw = _ascii_or_none(input)
        if raw is not None:
            # Plain ASCII: only the label lengths are checked; the last
            # label may be empty (a trailing dot).
            pieces = raw.split(b".")
            for piece in pieces[:-1]:
                _fits(piece)
            if len(pieces[-1]) > 63:
                raise UnicodeError("label too long")
            return raw, len(input)
        pieces, suffix = _split_trailing(dots.split(input), True, b".")
        return b".".join([ToASCII(p) for p in pieces]) + suffix, len(input)

    def decode(self, input, errors="strict"):
        _strict_only(errors, "Unsupported")
        if not input:
            return "", 0
        if type(input) is not bytes:
            input = bytes(input)
        if ace_prefix not in input:
            try:
                return input.decode("ascii"), len(input)
            except UnicodeDecodeError:
                pass
        pieces, suffix = _split_trailing(input.split(b"."), True, ".")
        return ".".join([ToUnicode(p) for p in pieces]) + suffix, len(input)


def _count(pieces, suffix):
    # Input characters covered: the labels and the dots after them.
    used = sum(len(p) for p in pieces) + len(pieces) - 1
    return max(used, 0) + len(suffix)


class IncrementalEncoder(codecs.BufferedIncrementalEncoder):
    def _buffer_encode(self, input, errors, final):
        _strict_only(errors, "unsupported")
        if not input:
            return b"", 0
        pieces, suffix = _split_trailing(dots.split(input), final, b".")
        out = b".".join([ToASCII(p) for p in pieces]) + suffix
        return out, _count(pieces, suffix)


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        _strict_only(errors, "Unsupported")
        if not input:
            return "", 0
        if type(input) is str:
            pieces = dots.split(input)
        else:
            pieces = input.decode("ascii").split(".")
        pieces, suffix = _split_trailing(pieces, final, ".")
        out = ".".join([ToUnicode(p) for p in pieces]) + suffix
        return out, _count(pieces, suffix)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    plain = Codec()
    return codecs.CodecInfo(plain.encode, plain.decode, StreamReader,
                            StreamWriter, IncrementalEncoder,
                            IncrementalDecoder, 'idna')
