"""UTF-8 as a codec module: the functions and classes `codecs` expects,
all over the native utf_8_encode / utf_8_decode."""

import codecs

_enc = codecs.utf_8_encode
_dec = codecs.utf_8_decode
_IncEncoderBase = codecs.IncrementalEncoder
_IncDecoderBase = codecs.BufferedIncrementalDecoder

encode = _enc


def decode(input, errors="strict"):
    # The whole input is there: an incomplete tail is an error.
    return _dec(input, errors, True)


class IncrementalEncoder(_IncEncoderBase):
    # UTF-8 carries no state between pieces.
    def encode(self, input, final=False):
        return _enc(input, self.errors)[0]


class IncrementalDecoder(_IncDecoderBase):
    # A partial sequence at the end of a piece waits for the next one.
    _buffer_decode = staticmethod(_dec)


class StreamWriter(codecs.StreamWriter):
    encode = staticmethod(_enc)


class StreamReader(codecs.StreamReader):
    decode = staticmethod(_dec)


def getregentry():
    return codecs.CodecInfo(encode, decode, StreamReader, StreamWriter,
                            IncrementalEncoder, IncrementalDecoder, 'utf-8')
