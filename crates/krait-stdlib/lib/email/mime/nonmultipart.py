"""Base class for MIME types that are not multipart."""

__all__ = ["MIMENonMultipart"]

from email import errors
from email.mime import base

MIMEBase = base.MIMEBase

_REFUSAL = 'Cannot attach additional subparts to non-multipart/*'


class MIMENonMultipart(
        MIMEBase):
    """A MIME message that cannot hold subparts."""

    def attach(
            self, payload):
        # A single-payload message: subparts are refused.
        raise errors.MultipartConversionError(_REFUSAL)


def _fill(message, maintype, subtype, data, encoder, policy, params):
    # What each single-payload class's __init__ does once its subtype is
    # known: the headers, the payload, then its transfer encoding.
    MIMENonMultipart.__init__(
        message, maintype, subtype, policy=policy, **params)
    message.set_payload(data)
    encoder(message)
