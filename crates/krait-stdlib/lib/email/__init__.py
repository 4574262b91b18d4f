"""A package for handling e-mail messages: parsing (email.parser,
email.feedparser), the message model (email.message), generating
(email.generator), policies, headers and charsets, and email.mime."""

__all__ = [
    'base64mime',
    'charset',
    'encoders',
    'errors',
    'feedparser',
    'generator',
    'header',
    'iterators',
    'message',
    'message_from_file',
    'message_from_binary_file',
    'message_from_string',
    'message_from_bytes',
    'mime',
    'parser',
    'quoprimime',
    'utils',
]


def _entry_point(name, parser_class, method, what):
    """Make a message_from_* function: build parser_class from the extra
    arguments and hand the input to its method."""
    def entry(source, *args, **kws):
        from email import parser as parsing   # heavy: loaded on first use
        reader = getattr(parsing, parser_class)(*args, **kws)
        return getattr(reader, method)(source)
    entry.__name__ = entry.__qualname__ = name
    entry.__doc__ = "Parse %s into a Message object model." % what
    return entry


message_from_string = _entry_point(
    'message_from_string', 'Parser', 'parsestr', 'a string')
message_from_bytes = _entry_point(
    'message_from_bytes', 'BytesParser', 'parsebytes', 'a bytes string')
message_from_file = _entry_point(
    'message_from_file', 'Parser', 'parse', 'the contents of a text file')
message_from_binary_file = _entry_point(
    'message_from_binary_file', 'BytesParser', 'parse',
    'the contents of a binary file')

del _entry_point
