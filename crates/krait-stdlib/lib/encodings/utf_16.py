"""The UTF-16 codec with a byte order mark (CPython's
`encodings.utf_16`); see `_bom_codec`."""

from encodings._bom_codec import bom_codec

globals().update(bom_codec('utf-16', 2))
del bom_codec
