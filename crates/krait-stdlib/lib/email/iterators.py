"""Iterators over the parts and lines of a message tree (krait)."""

__all__ = ['body_line_iterator',
           'typed_subpart_iterator',
           'walk']

import sys
from io import StringIO


def walk(self):
    """Yield self and then, depth first, every subpart below it."""
    yield self
    if self.is_multipart():
        for sub in self.get_payload():
            yield from sub.walk()


def body_line_iterator(msg,
                       decode=False):
    """Yield the lines of every string payload in the tree."""
    for part in msg.walk():
        body = part.get_payload(decode=decode)
        if isinstance(body, str):
            yield from StringIO(body)


def typed_subpart_iterator(msg,
                           maintype='text',
                           subtype=None):
    """Yield the subparts whose type matches maintype[/subtype]."""
    for part in msg.walk():
        if part.get_content_maintype() != maintype:
            continue
        if subtype in (None, part.get_content_subtype()):
            yield part


def _structure(msg, fp=None, level=0,
               include_default=False):
    """Print the content-type tree of msg (a debugging aid)."""
    out = sys.stdout if fp is None else fp
    line = '    ' * level + msg.get_content_type()
    if include_default:
        line += ' [%s]' % msg.get_default_type()
    print(line, file=out)
    if msg.is_multipart():
        for sub in msg.get_payload():
            _structure(sub, out, level + 1,
                       include_default)
