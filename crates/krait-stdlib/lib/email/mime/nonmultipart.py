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
