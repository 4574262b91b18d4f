"""HTML escaping (CPython's `html`): `escape` turns the characters that are
special in HTML into entity references, `unescape` turns every named and
numeric character reference back into text, following the HTML5 parsing
rules (references without `;`, the replacements for invalid code points).

The `html.parser` submodule is left out.
"""

import re as _re
from html.entities import html5 as _html5

__all__ = ["escape", "unescape"]


def escape(s, quote=True):
    """Replace `&`, `<` and `>` in `s` by HTML-safe sequences; with `quote`
    (the default) also `"` and `'`, for use inside attribute values."""
    # `&` first, so the ampersands this introduces are left alone.
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace("'", "&#x27;")
    return s


# What HTML5 decodes numeric references to code points that are not
# allowed in documents into: NUL becomes U+FFFD and the C1 controls take
# their windows-1252 meaning (the five that windows-1252 leaves undefined
# stay themselves, so they are not listed).
_numeric_replacements = {
    0x00: "\ufffd", 0x80: "\u20ac", 0x82: "\u201a", 0x83: "\u0192",
    0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
    0x88: "\u02c6", 0x89: "\u2030", 0x8a: "\u0160", 0x8b: "\u2039",
    0x8c: "\u0152", 0x8e: "\u017d", 0x91: "\u2018", 0x92: "\u2019",
    0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013",
    0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122", 0x9a: "\u0161",
    0x9b: "\u203a", 0x9c: "\u0153", 0x9e: "\u017e", 0x9f: "\u0178",
}


def _dropped_code_points():
    # Controls other than whitespace, the noncharacters U+FDD0..U+FDEF and
    # the last two code points of every plane: references to them vanish.
    points = set(range(0x1, 0x9))
    points.add(0xB)
    points.update(range(0xE, 0x20))
    points.add(0x7F)
    points.update(range(0xFDD0, 0xFDF0))
    for plane in range(17):
        points.add(plane * 0x10000 + 0xFFFE)
        points.add(plane * 0x10000 + 0xFFFF)
    return frozenset(points)


_dropped = _dropped_code_points()


def _decode_reference(match):
    ref = match.group(1)
    if ref[0] == "#":
        if ref[1] in "xX":
            code = int(ref[2:].rstrip(";"), 16)
        else:
            code = int(ref[1:].rstrip(";"))
        replacement = _numeric_replacements.get(code)
        if replacement is not None:
            return replacement
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return "\ufffd"
        if code in _dropped:
            return ""
        return chr(code)
    text = _html5.get(ref)
    if text is not None:
        return text
    # A reference without its `;` (or with an unknown tail): the longest
    # known name that starts it wins, e.g. "&notit;" is "\xacit;". Only
    # names without `;` can match here, and the shortest are two letters.
    for end in range(len(ref) - 1, 1, -1):
        text = _html5.get(ref[:end])
        if text is not None:
            return text + ref[end:]
    return "&" + ref


_reference = _re.compile(
    r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def unescape(s):
    """Replace every named or numeric character reference in `s` (`&gt;`,
    `&#62;`, `&#x3e;`, and the HTML5 forms without `;`) by its text."""
    if "&" not in s:
        return s
    return _reference.sub(_decode_reference, s)
