"""Base class for the MIME message classes."""

__all__ = ["MIMEBase"]

import email.policy
from email import message


class MIMEBase(
        message.Message):
    """A message with Content-Type `_maintype`/`_subtype` (plus the
    `_params` as parameters) and MIME-Version 1.0."""

    def __init__(self, _maintype, _subtype, *,
                 policy=None, **_params):
        chosen = email.policy.compat32 if policy is None else policy
        message.Message.__init__(self, policy=chosen)
        ctype = '{}/{}'.format(_maintype, _subtype)
        self.add_header('Content-Type', ctype,
                        **_params)
        self["MIME-Version"] = "1.0"
