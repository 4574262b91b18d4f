"""The UTF-16 codec with a byte order mark (CPython's
`encodings.utf_16`): encoding writes a BOM and then this machine's byte
order; decoding reads the order from the BOM (this machine's when there
is none) and keeps to it for the rest of the stream."""

import codecs
import sys

encode = codecs.utf_16_encode


def decode(input, errors='strict'):
    return codecs.utf_16_decode(input, errors, True)


def _native_encoder():
    if sys.byteorder == 'little':
        return codecs.utf_16_le_encode
    return codecs.utf_16_be_encode


def _decoder_for(byteorder, consumed):
    """The fixed-order decoder a BOM chose (-1 little, 1 big), None while
    too few bytes were seen to tell; UnicodeError when data came without
    a BOM."""
    if byteorder == -1:
        return codecs.utf_16_le_decode
    if byteorder == 1:
        return codecs.utf_16_be_decode
    if consumed >= 2:
        raise UnicodeError("UTF-16 stream does not start with BOM")
    return None


class Codec(codecs.Codec):
    encode = staticmethod(codecs.utf_16_encode)

    def decode(self, input, errors='strict'):
        return codecs.utf_16_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        codecs.IncrementalEncoder.__init__(self, errors)
        self.encoder = None     # the BOM is still to be written

    def encode(self, input, final=False):
        if self.encoder is None:
            result = codecs.utf_16_encode(input, self.errors)[0]
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
        output, consumed, byteorder = codecs.utf_16_ex_decode(input, errors, 0, final)
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
        return buffer, int(native_is_big != (self.decoder is codecs.utf_16_be_decode))

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
        self.decoder = codecs.utf_16_be_decode if big else codecs.utf_16_le_decode


class StreamWriter(codecs.StreamWriter):
    def __init__(self, stream, errors='strict'):
        codecs.StreamWriter.__init__(self, stream, errors)
        self.encoder = None

    def reset(self):
        codecs.StreamWriter.reset(self)
        self.encoder = None

    def encode(self, input, errors='strict'):
        if self.encoder is None:
            result = codecs.utf_16_encode(input, errors)
            self.encoder = _native_encoder()
            return result
        return self.encoder(input, errors)


class StreamReader(codecs.StreamReader):
    def reset(self):
        codecs.StreamReader.reset(self)
        # Forget the order chosen (the instance attribute set below).
        self.__dict__.pop('decode', None)

    def decode(self, input, errors='strict'):
        output, consumed, byteorder = codecs.utf_16_ex_decode(input, errors, 0, False)
        chosen = _decoder_for(byteorder, consumed)
        if chosen is not None:
            self.decode = chosen
        return output, consumed


def getregentry():
    return codecs.CodecInfo(
        name='utf-16',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
