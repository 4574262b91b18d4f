"""MIME message/* messages (a message holding another)."""

__all__ = ['MIMEMessage']

from email import message
from email.mime import nonmultipart

MIMENonMultipart = nonmultipart.MIMENonMultipart


class MIMEMessage(
        MIMENonMultipart):
    """A message/`_subtype` message whose payload is the Message `_msg`."""

    def __init__(self, _msg,
                 _subtype='rfc822', *, policy=None):
        init = MIMENonMultipart.__init__
        init(self, 'message', _subtype, policy=policy)
        if isinstance(_msg, message.Message):
            # The payload is a list holding the message, which this
            # class's own attach would refuse.
            message.Message.attach(self, _msg)
            self.set_default_type("message/rfc822")
            return
        raise TypeError(
            'Argument is not an instance of Message')
