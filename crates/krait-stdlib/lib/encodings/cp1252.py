"""The Windows-1252 (Western European) code page (CPython's
`encodings.cp1252`): a charmap codec over `codecs.charmap_encode` and
`charmap_decode`. The five bytes the code page leaves undefined (0x81,
0x8D, 0x8F, 0x90, 0x9D) decode to U+FFFE, which `charmap_decode` reports
as undefined."""

import codecs


def _decoding_table():
    # krait's codecs module carries the code page; read it back one byte
    # at a time.
    chars = []
    for byte in range(256):
        try:
            chars.append(codecs.decode(bytes([byte]), 'cp1252'))
        except UnicodeDecodeError:
            chars.append('\ufffe')
    return ''.join(chars)


decoding_table = _decoding_table()
encoding_table = codecs.charmap_build(decoding_table)


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return codecs.charmap_encode(input, errors, encoding_table)

    def decode(self, input, errors='strict'):
        return codecs.charmap_decode(input, errors, decoding_table)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.charmap_encode(input, self.errors, encoding_table)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.charmap_decode(input, self.errors, decoding_table)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='cp1252',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
