"""MIME multipart/* messages."""

__all__ = ["MIMEMultipart"]

from email.mime import base

MIMEBase = base.MIMEBase


class MIMEMultipart(
        MIMEBase):
    """A multipart/`_subtype` message holding `_subparts`, with an
    optional fixed boundary (else one is chosen when generated)."""

    def __init__(self, _subtype='mixed', boundary=None,
                 _subparts=None, *, policy=None, **_params):
        MIMEBase.__init__(self, 'multipart', _subtype,
                          policy=policy, **_params)
        # Even with no subparts the payload is a list.
        self._payload = []
        for part in _subparts or ():
            self.attach(part)
        if boundary:
            self.set_boundary(
                boundary)
