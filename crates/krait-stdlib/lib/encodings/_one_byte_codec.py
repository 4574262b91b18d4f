"""The codecs whose every character is one byte and which keep no state
between pieces (`ascii`, `latin_1`), made for each by `one_byte_codec`
over `codecs`' encode and decode functions of that name."""

import codecs


def one_byte_codec(module, name):
    """The module attributes of the codec over `codecs.<module>_encode`
    and `<module>_decode`, registered as `name`: the codec classes and
    `getregentry`."""
    encode = getattr(codecs, module + '_encode')
    decode = getattr(codecs, module + '_decode')

    class Codec(codecs.Codec):
        pass

    Codec.encode = staticmethod(encode)
    Codec.decode = staticmethod(decode)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return decode(input, self.errors)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        pass

    class StreamConverter(StreamWriter, StreamReader):
        # Reads encode and writes decode: the reverse of a reader-writer.
        pass

    StreamConverter.encode = staticmethod(decode)
    StreamConverter.decode = staticmethod(encode)

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec.encode,
            decode=Codec.decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamwriter=StreamWriter,
            streamreader=StreamReader,
        )

    made = {
        'Codec': Codec,
        'IncrementalEncoder': IncrementalEncoder,
        'IncrementalDecoder': IncrementalDecoder,
        'StreamWriter': StreamWriter,
        'StreamReader': StreamReader,
        'StreamConverter': StreamConverter,
        'getregentry': getregentry,
    }
    # They belong to the codec's own module, as if written there.
    for value in made.values():
        value.__module__ = 'encodings.' + module
        value.__qualname__ = value.__name__
    return made
