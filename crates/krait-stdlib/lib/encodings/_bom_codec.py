"""The codecs with a byte order mark, UTF-16 and UTF-32 (`utf_16`,
`utf_32`): encoding writes a BOM and then this machine's byte order;
decoding reads the order from the BOM (this machine's when there is none)
and keeps to it for the rest of the stream. One family, made for each
width by `bom_codec`."""

import codecs
import sys


def bom_codec(name, width):
    """The module attributes of codec `name` (`utf-16` or `utf-32`) whose
    code units are `width` bytes: `encode`, `decode`, the codec classes
    and `getregentry`."""
    title = name.upper()
    prefix = name.replace('-', '_') + '_'
    _encode = getattr(codecs, prefix + 'encode')
    _decode = getattr(codecs, prefix + 'decode')
    _ex_decode = getattr(codecs, prefix + 'ex_decode')
    _le_encode = getattr(codecs, prefix + 'le_encode')
    _be_encode = getattr(codecs, prefix + 'be_encode')
    _le_decode = getattr(codecs, prefix + 'le_decode')
    _be_decode = getattr(codecs, prefix + 'be_decode')

    encode = _encode


    def decode(input, errors='strict'):
        return _decode(input, errors, True)


    def _native_encoder():
        if sys.byteorder == 'little':
            return _le_encode
        return _be_encode


    def _decoder_for(byteorder, consumed):
        """The fixed-order decoder a BOM chose (-1 little, 1 big), None while
        too few bytes were seen to tell; UnicodeError when data came without
        a BOM."""
        if byteorder == -1:
            return _le_decode
        if byteorder == 1:
            return _be_decode
        if consumed >= width:
            raise UnicodeError(f"{title} stream does not start with BOM")
        return None


    class Codec(codecs.Codec):
        encode = staticmethod(_encode)

        def decode(self, input, errors='strict'):
            return _decode(input, errors, True)


    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.encoder = None     # the BOM is still to be written

        def encode(self, input, final=False):
            if self.encoder is None:
                result = _encode(input, self.errors)[0]
                self.encoder = _native_encoder()
                return result
            return self.encoder(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.encoder = None

        def getstate(self):
            # 2: the BOM is still to come; 0: it was written.
            return 2 if self.encoder is None else 0

        def setstate(self, state):
            self.encoder = None if state else _native_encoder()


    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.decoder = None     # no BOM read yet

        def _buffer_decode(self, input, errors, final):
            if self.decoder is not None:
                return self.decoder(input, self.errors, final)
            output, consumed, byteorder = _ex_decode(input, errors, 0, final)
            self.decoder = _decoder_for(byteorder, consumed)
            return output, consumed

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.decoder = None

        def getstate(self):
            # The second item says which order was chosen: 2 none yet, 0
            # this machine's, 1 the other.
            buffer = codecs.BufferedIncrementalDecoder.getstate(self)[0]
            if self.decoder is None:
                return buffer, 2
            native_is_big = sys.byteorder == 'big'
            return buffer, int(native_is_big != (self.decoder is _be_decode))

        def setstate(self, state):
            codecs.BufferedIncrementalDecoder.setstate(self, state)
            flag = state[1]
            if flag == 0:
                big = sys.byteorder == 'big'
            elif flag == 1:
                big = sys.byteorder != 'big'
            else:
                self.decoder = None
                return
            self.decoder = _be_decode if big else _le_decode


    class StreamWriter(codecs.StreamWriter):
        def __init__(self, stream, errors='strict'):
            codecs.StreamWriter.__init__(self, stream, errors)
            self.encoder = None

        def reset(self):
            codecs.StreamWriter.reset(self)
            self.encoder = None

        def encode(self, input, errors='strict'):
            if self.encoder is None:
                result = _encode(input, errors)
                self.encoder = _native_encoder()
                return result
            return self.encoder(input, errors)


    class StreamReader(codecs.StreamReader):
        def reset(self):
            codecs.StreamReader.reset(self)
            # Forget the order chosen (the instance attribute set below).
            self.__dict__.pop('decode', None)

        def decode(self, input, errors='strict'):
            output, consumed, byteorder = _ex_decode(input, errors, 0, False)
            chosen = _decoder_for(byteorder, consumed)
            if chosen is not None:
                self.decode = chosen
            return output, consumed


    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=encode,
            decode=decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    made = {key: value for key, value in locals().items()
            if not key.startswith('_') and key not in ('name', 'width', 'title', 'prefix')}
    # What was made here belongs to the codec's own module, as if written
    # there (`codecs`' own functions are left as they are).
    for value in made.values():
        if getattr(value, '__qualname__', '').startswith('bom_codec.<locals>.'):
            value.__module__ = 'encodings.' + prefix[:-1]
            value.__qualname__ = value.__name__
    return made
