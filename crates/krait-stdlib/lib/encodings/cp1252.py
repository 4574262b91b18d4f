"""Windows code page 1252 as a charmap codec. Bytes 0x00-0x7F and
0xA0-0xFF are Latin-1; 0x80-0x9F hold the typographic extras, five of
them unassigned (U+FFFE in the table, which charmap_decode treats as
undefined)."""

import codecs

_HOLE = '\ufffe'
_EXTRAS = (
    '\u20ac', _HOLE, '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
    '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', _HOLE, '\u017d', _HOLE,
    _HOLE, '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
    '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', _HOLE, '\u017e', '\u0178',
)

decoding_table = (''.join(map(chr, range(0x80))) + ''.join(_EXTRAS)
                  + ''.join(map(chr, range(0xA0, 0x100))))
encoding_table = codecs.charmap_build(decoding_table)

_to_bytes = codecs.charmap_encode
_to_text = codecs.charmap_decode


class Codec(codecs.Codec):
    def encode(self, input, errors="strict"):
        return _to_bytes(input, errors, encoding_table)

    def decode(self, input, errors="strict"):
        return _to_text(input, errors, decoding_table)


class IncrementalEncoder(codecs.IncrementalEncoder):
    # One byte per character: nothing is ever held back.
    def encode(self, input, final=False):
        return _to_bytes(input, self.errors, encoding_table)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return _to_text(input, self.errors, decoding_table)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    plain = Codec()
    return codecs.CodecInfo(plain.encode, plain.decode, StreamReader,
                            StreamWriter, IncrementalEncoder,
                            IncrementalDecoder, 'cp1252')
