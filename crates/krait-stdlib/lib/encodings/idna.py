"""The IDNA 2003 codec (RFC 3490, CPython's `encodings.idna`): domain
names with non-ASCII labels as ASCII 'xn--' labels and back.

`ToASCII(label)` and `ToUnicode(label)` convert one label; the codec
splits names at any of the four IDNA dots (`.`, `。`, `．`, `｡`) and
only takes errors='strict'.

krait difference: `nameprep` (RFC 3491) is approximated with what krait
has, since there is no `stringprep` module nor a Unicode 3.2 database:
characters of RFC 3454 table B.1 are dropped, the rest case-folded with
`str.casefold` (table B.2 is case folding for NFKC), the result NFKC
normalised with the current Unicode data, then the prohibited ranges of
tables C.1.2-C.9 and the bidi rules are checked (bidi classes from
`unicodedata.bidirectional`). Labels made of characters added to Unicode
after 3.2, which CPython treats as unassigned, go through here.
"""

import codecs
import re
import unicodedata

from . import punycode as _punycode

# IDNA's full stops: '.', ideographic, fullwidth and halfwidth.
dots = re.compile("[\u002E\u3002\uFF0E\uFF61]")

ace_prefix = b"xn--"
sace_prefix = "xn--"

# RFC 3454 table B.1: commonly mapped to nothing.
_B1 = frozenset("\u00ad\u034f\u1806\u180b\u180c\u180d\u200b\u200c\u200d\u2060"
                "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09"
                "\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff")

# Tables C.1.2 to C.9 as (first, last) code point ranges.
_PROHIBITED = (
    # C.1.2 non-ASCII spaces
    (0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200B), (0x202F, 0x202F),
    (0x205F, 0x205F), (0x3000, 0x3000),
    # C.2.2 non-ASCII controls
    (0x0080, 0x009F), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x180E, 0x180E),
    (0x200C, 0x200D), (0x2028, 0x2029), (0x2060, 0x2063), (0x206A, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFC), (0x1D173, 0x1D17A),
    # C.3 private use
    (0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD),
    # C.4 non-characters (U+nFFFE and U+nFFFF are checked separately)
    (0xFDD0, 0xFDEF),
    # C.5 surrogates
    (0xD800, 0xDFFF),
    # C.6 inappropriate for plain text
    (0xFFF9, 0xFFFD),
    # C.7 inappropriate for canonical representation
    (0x2FF0, 0x2FFB),
    # C.8 change display properties or are deprecated
    (0x0340, 0x0341), (0x200E, 0x200F), (0x202A, 0x202E), (0x206A, 0x206F),
    # C.9 tagging characters
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)


def _prohibited(c):
    code = ord(c)
    if code & 0xFFFE == 0xFFFE:
        return True
    return any(first <= code <= last for first, last in _PROHIBITED)


def nameprep(label):
    """RFC 3491's preparation of a label: map, normalise, prohibit,
    check bidi (approximated, see the module's docstring)."""
    label = "".join(c.casefold() for c in label if c not in _B1)
    label = unicodedata.normalize("NFKC", label)
    for c in label:
        if _prohibited(c):
            raise UnicodeError("Invalid character %r" % c)
    # A label with right-to-left characters must have no left-to-right
    # ones, and must start and end with right-to-left ones.
    rtl = [unicodedata.bidirectional(c) in ("R", "AL") for c in label]
    if any(rtl):
        if any(unicodedata.bidirectional(c) == "L" for c in label):
            raise UnicodeError("Violation of BIDI requirement 2")
        if not rtl[0] or not rtl[-1]:
            raise UnicodeError("Violation of BIDI requirement 3")
    return label


def _ascii_label(label):
    """`label` as ASCII bytes, None when it is not ASCII; UnicodeError
    when it is empty or longer than 63."""
    try:
        data = label.encode("ascii")
    except UnicodeError:
        return None
    if 0 < len(data) < 64:
        return data
    raise UnicodeError("label empty or too long")


def ToASCII(label):
    """One label as ASCII bytes: unchanged when ASCII, else nameprep'ed
    and Punycode-encoded after 'xn--'."""
    data = _ascii_label(label)
    if data is not None:
        return data
    label = nameprep(label)
    data = _ascii_label(label)
    if data is not None:
        return data
    if label.startswith(sace_prefix):
        raise UnicodeError("Label starts with ACE prefix")
    data = ace_prefix + _punycode.punycode_encode(label)
    if 0 < len(data) < 64:
        return data
    raise UnicodeError("label empty or too long")


def ToUnicode(label):
    """One label (str or bytes) as text: an 'xn--' label decoded (and
    checked to convert back to itself), any other as it is."""
    if len(label) > 1024:
        # Longer than any label could be, even before nameprep.
        raise UnicodeError("label way too long")
    if isinstance(label, str):
        try:
            label = label.encode("ascii")
        except UnicodeError:
            label = nameprep(label)
            try:
                label = label.encode("ascii")
            except UnicodeError:
                raise UnicodeError("Invalid character in IDN label")
    if not label.startswith(ace_prefix):
        return str(label, "ascii")
    try:
        result = _punycode.punycode_decode(label[len(ace_prefix):], "strict")
    except UnicodeError as exc:
        if type(exc) is not UnicodeError:
            raise
        # Worded as CPython's, which decodes through the codec registry.
        raise UnicodeError("decoding with 'punycode' codec failed "
                           "(%s: %s)" % (type(exc).__name__, exc)) from exc
    back = ToASCII(result)
    if str(label, "ascii").lower() != str(back, "ascii"):
        raise UnicodeError("IDNA does not round-trip", label, back)
    return result


def _check_errors(errors):
    if errors != "strict":
        raise UnicodeError("unsupported error handling " + errors)


class Codec(codecs.Codec):
    def encode(self, input, errors="strict"):
        _check_errors(errors)
        if not input:
            return b"", 0
        try:
            data = input.encode("ascii")
        except UnicodeEncodeError:
            pass
        else:
            # All ASCII: only the label lengths are checked (the last
            # label may be empty: a trailing dot).
            labels = data.split(b".")
            for label in labels[:-1]:
                if not 0 < len(label) < 64:
                    raise UnicodeError("label empty or too long")
            if len(labels[-1]) >= 64:
                raise UnicodeError("label too long")
            return data, len(input)
        labels = dots.split(input)
        trailing = b""
        if labels and not labels[-1]:
            trailing = b"."
            del labels[-1]
        return b".".join(ToASCII(label) for label in labels) + trailing, len(input)

    def decode(self, input, errors="strict"):
        _check_errors(errors)
        if not input:
            return "", 0
        if not isinstance(input, bytes):
            input = bytes(input)
        if ace_prefix not in input:
            try:
                return input.decode("ascii"), len(input)
            except UnicodeDecodeError:
                pass
        labels = input.split(b".")
        trailing = ""
        if labels and not labels[-1]:
            trailing = "."
            del labels[-1]
        return ".".join(ToUnicode(label) for label in labels) + trailing, len(input)


class IncrementalEncoder(codecs.BufferedIncrementalEncoder):
    def _buffer_encode(self, input, errors, final):
        _check_errors(errors)
        if not input:
            return b"", 0
        labels = dots.split(input)
        trailing = b""
        if labels:
            if not labels[-1]:
                trailing = b"."
                del labels[-1]
            elif not final:
                # The last label may not be complete yet: keep it.
                del labels[-1]
                if labels:
                    trailing = b"."
        out = []
        size = 0
        for label in labels:
            out.append(ToASCII(label))
            size += len(label) + 1
        size = max(size - 1, 0) + len(trailing)
        return b".".join(out) + trailing, size


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        _check_errors(errors)
        if not input:
            return "", 0
        if isinstance(input, str):
            labels = dots.split(input)
        else:
            labels = str(input, "ascii").split(".")
        trailing = ""
        if labels:
            if not labels[-1]:
                trailing = "."
                del labels[-1]
            elif not final:
                del labels[-1]
                if labels:
                    trailing = "."
        out = []
        size = 0
        for label in labels:
            out.append(ToUnicode(label))
            size += len(label) + 1
        size = max(size - 1, 0) + len(trailing)
        return ".".join(out) + trailing, size


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name="idna",
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
