"""The Latin-1 (ISO 8859-1) codec (CPython's `encodings.latin_1`), over `codecs`'
latin_1_encode and latin_1_decode: every character maps to one byte, so
no state is kept between pieces."""

import codecs


class Codec(codecs.Codec):
    encode = staticmethod(codecs.latin_1_encode)
    decode = staticmethod(codecs.latin_1_decode)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.latin_1_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.latin_1_decode(input, self.errors)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


class StreamConverter(StreamWriter, StreamReader):
    # Reads encode and writes decode: the reverse of a reader-writer.
    encode = staticmethod(codecs.latin_1_decode)
    decode = staticmethod(codecs.latin_1_encode)


def getregentry():
    return codecs.CodecInfo(
        name='iso8859-1',
        encode=Codec.encode,
        decode=Codec.decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
