"""Content-Transfer-Encoding helpers for Message payloads."""

__all__ = [
    'encode_7or8bit',
    'encode_base64',
    'encode_noop',
    'encode_quopri',
    ]

import base64
import quopri


def _set_encoding(msg, name):
    msg['Content-Transfer-Encoding'] = name


def encode_base64(msg):
    """Base64-encode the payload and set Content-Transfer-Encoding."""
    data = msg.get_payload(decode=True)
    msg.set_payload(base64.encodebytes(data).decode('ascii'))
    _set_encoding(msg, 'base64')


def encode_quopri(msg):
    """Quoted-printable-encode the payload and set
    Content-Transfer-Encoding."""
    data = msg.get_payload(decode=True)
    # quopri leaves spaces inside lines alone; email quotes them too.
    text = quopri.encodestring(data, quotetabs=True)
    msg.set_payload(text.replace(b' ', b'=20'))
    _set_encoding(msg, 'quoted-printable')


def encode_7or8bit(msg):
    """Set Content-Transfer-Encoding to 7bit or 8bit after the payload."""
    data = msg.get_payload(decode=True)
    if data is not None and not data.isascii():
        _set_encoding(msg, '8bit')
    else:
        _set_encoding(msg, '7bit')


def encode_noop(msg):
    """Leave the message as it is."""
