"""MIME application/* messages."""

__all__ = ['MIMEApplication']

from email import encoders
from email.mime import nonmultipart

MIMENonMultipart = nonmultipart.MIMENonMultipart


class MIMEApplication(
        MIMENonMultipart):
    """An application/`_subtype` message whose payload `_data` (bytes) is
    encoded by `_encoder` (base64 by default)."""

    def __init__(self, _data,
                 _subtype='octet-stream', _encoder=encoders.encode_base64,
                 *, policy=None, **_params):
        if _subtype is None:
            raise TypeError(
                'Invalid application MIME subtype')
        nonmultipart._fill(
            self, 'application', _subtype, _data, _encoder, policy, _params)
