"""The ASCII codec (CPython's `encodings.ascii`), over `codecs`'
ascii_encode and ascii_decode: every character maps to one byte, so
no state is kept between pieces."""

import codecs


class Codec(codecs.Codec):
    encode = staticmethod(codecs.ascii_encode)
    decode = staticmethod(codecs.ascii_decode)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.ascii_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.ascii_decode(input, self.errors)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


class StreamConverter(StreamWriter, StreamReader):
    # Reads encode and writes decode: the reverse of a reader-writer.
    encode = staticmethod(codecs.ascii_decode)
    decode = staticmethod(codecs.ascii_encode)


def getregentry():
    return codecs.CodecInfo(
        name='ascii',
        encode=Codec.encode,
        decode=Codec.decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
