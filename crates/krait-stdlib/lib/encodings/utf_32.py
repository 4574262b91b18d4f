"""The UTF-32 codec with a byte order mark (CPython's
`encodings.utf_32`); see `_bom_codec`."""

from encodings._bom_codec import bom_codec

globals().update(bom_codec('utf-32', 4))
del bom_codec
