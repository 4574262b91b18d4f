"""The ASCII codec (CPython's `encodings.ascii`); see `_one_byte_codec`."""

from encodings._one_byte_codec import one_byte_codec

globals().update(one_byte_codec('ascii', 'ascii'))
del one_byte_codec
