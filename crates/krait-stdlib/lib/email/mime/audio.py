"""MIME audio/* messages."""

__all__ = ['MIMEAudio']

from io import BytesIO

from email import encoders
from email.mime import nonmultipart

MIMENonMultipart = nonmultipart.MIMENonMultipart


def _aiff(h, f):
    if h[:4] == b'FORM' and h[8:12] in (b'AIFC', b'AIFF'):
        return 'x-aiff'
    return None


def _au(h, f):
    if h[:4] == b'.snd':
        return 'basic'
    return None


def _wav(h, f):
    # RIFF <size> WAVE fmt
    if h[:4] == b'RIFF' and h[8:16] == b'WAVEfmt ':
        return 'x-wav'
    return None


_rules = [_aiff, _au, _wav]


def rule(rulefunc):
    _rules.append(rulefunc)
    return rulefunc


def _what(data):
    head = data[:512]
    stream = BytesIO(head)
    for test in _rules:
        kind = test(head, stream)
        if kind:
            return kind
    return None


class MIMEAudio(
        MIMENonMultipart):
    """An audio/`_subtype` message; without `_subtype` the type is guessed
    from the data (au, wav, aiff)."""

    def __init__(self, _audiodata,
                 _subtype=None, _encoder=encoders.encode_base64,
                 *, policy=None, **_params):
        data = _audiodata
        if _subtype is None:
            _subtype = _what(data)
        if _subtype is None:
            raise TypeError(
                'Could not find audio MIME subtype')
        nonmultipart._fill(
            self, 'audio', _subtype, data, _encoder, policy, _params)
