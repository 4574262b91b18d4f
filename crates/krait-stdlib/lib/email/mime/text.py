"""MIME text/* messages."""

__all__ = ['MIMEText']

from email.charset import Charset
from email.mime import nonmultipart

MIMENonMultipart = nonmultipart.MIMENonMultipart


class MIMEText(
        MIMENonMultipart):
    """A text/`_subtype` message.  Without `_charset`, us-ascii when the
    text is ASCII, else utf-8."""

    def __init__(self, _text, _subtype='plain',
                 _charset=None, *, policy=None):
        if _charset is None:
            try:
                _text.encode('us-ascii')
            except UnicodeError:
                _charset = 'utf-8'
            else:
                _charset = 'us-ascii'
        init = MIMENonMultipart.__init__
        init(self, 'text', _subtype, policy=policy, charset=str(_charset))
        self.set_payload(
            _text, _charset)
