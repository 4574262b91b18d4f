"""The Latin-1 (ISO 8859-1) codec (CPython's `encodings.latin_1`); see
`_one_byte_codec`."""

from encodings._one_byte_codec import one_byte_codec

globals().update(one_byte_codec('latin_1', 'iso8859-1'))
del one_byte_codec
