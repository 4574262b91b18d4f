# email.mime.image / email.mime.audio: subtype guessing from the data, explicit subtypes.
from email.mime.image import MIMEImage
from email.mime.audio import MIMEAudio
from email import encoders

pad = bytes(range(32))
images = {
    'jfif': b'\xff\xd8\xff\xe0\x00\x10JFIF\x00' + pad,
    'exif': b'\xff\xd8\xff\xe1\x00\x10Exif\x00' + pad,
    'raw jpeg': b'\xff\xd8\xff\xdb' + pad,
    'png': b'\x89PNG\r\n\x1a\n' + pad,
    'gif87': b'GIF87a' + pad,
    'gif89': b'GIF89a' + pad,
    'tiff mm': b'MM\x00*' + pad,
    'tiff ii': b'II*\x00' + pad,
    'rgb': b'\x01\xda' + pad,
    'pbm': b'P1\n1 1\n1\n',
    'pbm raw': b'P4 1 1 \x00',
    'pgm': b'P2\t1 1 255 0',
    'pgm raw': b'P5\r1 1 255 \x00',
    'ppm': b'P3 1 1 255 0 0 0',
    'ppm raw': b'P6\n1 1\n255\n\x00\x00\x00',
    'not pnm': b'P7 1 1',
    'short P': b'P1',
    'rast': b'\x59\xa6\x6a\x95' + pad,
    'xbm': b'#define x_width 1\n',
    'bmp': b'BM' + pad,
    'webp': b'RIFF\x00\x00\x00\x00WEBPVP8 ' + pad,
    'riff not webp': b'RIFF\x00\x00\x00\x00WAVE' + pad,
    'exr': b'\x76\x2f\x31\x01' + pad,
    'unknown': b'hello world',
    'empty': b'',
}
for name, data in images.items():
    try:
        m = MIMEImage(data)
        print(name, m.get_content_type(), m['Content-Transfer-Encoding'], m.get_payload()[:24])
    except TypeError as e:
        print(name, 'TypeError', e)
for sub in ['png', 'x-custom', 'svg+xml']:
    m = MIMEImage(b'<svg/>', sub, name='i.' + sub)
    print(m.as_string())
m = MIMEImage(b'GIF89a123', _encoder=encoders.encode_noop)
print(repr(m.get_payload()), m['Content-Transfer-Encoding'], m.get_content_type())
m = MIMEImage(images['png'], _subtype=None, foo='bar')
print(m['Content-Type'])

sounds = {
    'aiff': b'FORM\x00\x00\x00\x00AIFF' + pad,
    'aifc': b'FORM\x00\x00\x00\x00AIFC' + pad,
    'form other': b'FORM\x00\x00\x00\x00ILBM' + pad,
    'au': b'.snd' + pad,
    'wav': b'RIFF\x00\x00\x00\x00WAVEfmt ' + pad,
    'wave no fmt': b'RIFF\x00\x00\x00\x00WAVEdata' + pad,
    'unknown': b'ID3' + pad,
    'empty': b'',
}
for name, data in sounds.items():
    try:
        m = MIMEAudio(data)
        print(name, m.get_content_type(), m['Content-Transfer-Encoding'], m.get_payload()[:24])
    except TypeError as e:
        print(name, 'TypeError', e)
m = MIMEAudio(b'anything at all', 'mpeg', name='song.mp3')
print(m.as_string())
m = MIMEAudio(sounds['wav'] * 3, _encoder=encoders.encode_base64)
print(m.as_string())
