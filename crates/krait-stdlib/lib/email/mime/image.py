"""MIME image/* messages."""

__all__ = ['MIMEImage']

from email import encoders
from email.mime import nonmultipart

MIMENonMultipart = nonmultipart.MIMENonMultipart


def _jpeg(h):
    if h[6:10] in (b'JFIF', b'Exif') or h[:4] == b'\xff\xd8\xff\xdb':
        return 'jpeg'


def _png(h):
    if h[:8] == b'\x89PNG\r\n\x1a\n':
        return 'png'


def _gif(h):
    if h[:6] in (b'GIF87a', b'GIF89a'):
        return 'gif'


def _tiff(h):
    if h[:2] in (b'MM', b'II'):
        return 'tiff'


def _rgb(h):
    if h[:2] == b'\x01\xda':
        return 'rgb'


def _netpbm(h, digits):
    # 'P', a format digit, then whitespace.
    return (len(h) >= 3 and h[0] == 0x50 and h[1] in digits
            and h[2] in b' \t\n\r')


def _pbm(h):
    if _netpbm(h, b'14'):
        return 'pbm'


def _pgm(h):
    if _netpbm(h, b'25'):
        return 'pgm'


def _ppm(h):
    if _netpbm(h, b'36'):
        return 'ppm'


def _rast(h):
    if h[:4] == b'\x59\xa6\x6a\x95':
        return 'rast'


def _xbm(h):
    if h[:8] == b'#define ':
        return 'xbm'


def _bmp(h):
    if h[:2] == b'BM':
        return 'bmp'


def _webp(h):
    if h[:4] == b'RIFF' and h[8:12] == b'WEBP':
        return 'webp'


def _exr(h):
    if h[:4] == b'\x76\x2f\x31\x01':
        return 'exr'


_rules = [_jpeg, _png, _gif, _tiff, _rgb, _pbm, _pgm, _ppm, _rast, _xbm,
          _bmp, _webp, _exr]


def rule(rulefunc):
    _rules.append(rulefunc)
    return rulefunc


def _what(data):
    for test in _rules:
        kind = test(data)
        if kind:
            return kind
    return None


class MIMEImage(
        MIMENonMultipart):
    """An image/`_subtype` message; without `_subtype` the type is guessed
    from the data (jpeg, png, gif, tiff, bmp, webp, ...)."""

    def __init__(self, _imagedata,
                 _subtype=None, _encoder=encoders.encode_base64,
                 *, policy=None, **_params):
        data = _imagedata
        if _subtype is None:
            _subtype = _what(data)
        if _subtype is None:
            raise TypeError(
                'Could not guess image MIME subtype')
        nonmultipart._fill(
            self, 'image', _subtype, data, _encoder, policy, _params)
