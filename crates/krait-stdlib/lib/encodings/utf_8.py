"""The UTF-8 codec (CPython's `encodings.utf_8`), over `codecs`'
utf_8_encode and utf_8_decode."""

import codecs

encode = codecs.utf_8_encode


def decode(input, errors='strict'):
    return codecs.utf_8_decode(input, errors, True)


class Codec(codecs.Codec):
    encode = staticmethod(codecs.utf_8_encode)

    def decode(self, input, errors='strict'):
        return codecs.utf_8_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.utf_8_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    # utf_8_decode leaves an incomplete sequence at the end for later
    # (unless final).
    _buffer_decode = staticmethod(codecs.utf_8_decode)


class StreamWriter(codecs.StreamWriter):
    encode = staticmethod(codecs.utf_8_encode)


class StreamReader(codecs.StreamReader):
    decode = staticmethod(codecs.utf_8_decode)


def getregentry():
    return codecs.CodecInfo(
        name='utf-8',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
