"""The exceptions and message defect classes of the email package
(krait implementation).

The many defect classes differ only in name, base and meaning, so they
are made from a table below rather than written out one by one."""


def _make(name, bases, doc, body=None):
    namespace = {"__doc__": doc, "__module__": __name__, "__qualname__": name}
    if body:
        namespace.update(body)
    cls = type(name, bases, namespace)
    globals()[name] = cls
    return cls


# -- exceptions that are raised

_make("MessageError", (Exception,), "Root of the email package's exceptions.")
_make("MessageParseError", (MessageError,), "A message could not be parsed.")
_make("HeaderParseError", (MessageParseError,), "A header could not be parsed.")
_make("BoundaryError", (MessageParseError,),
      "A multipart boundary could not be found.")
_make("MultipartConversionError", (MessageError, TypeError),
      "A non-multipart message was treated as a multipart one.")
_make("CharsetError", (MessageError,), "An unknown character set was named.")


# -- defects: recorded on messages by the parser, not raised

def _defect_init(self, line=None):
    if line is not None:
        ValueError.__init__(self, line)
    self.line = line


_make("MessageDefect", (ValueError,),
      "Something wrong found in a message while parsing it.",
      {"__init__": _defect_init})

for _name, _doc in [
        ("NoBoundaryInMultipartDefect",
         "A multipart message claimed a boundary that is not in its body."),
        ("StartBoundaryNotFoundDefect",
         "The declared start boundary was never seen."),
        ("CloseBoundaryNotFoundDefect",
         "The start boundary was seen, but not the closing one."),
        ("FirstHeaderLineIsContinuationDefect",
         "The first header line was a continuation line."),
        ("MisplacedEnvelopeHeaderDefect",
         "A 'Unix From' line was found among the headers."),
        ("MissingHeaderBodySeparatorDefect",
         "A line that is not a header was found among the headers."),
        ("MultipartInvariantViolationDefect",
         "A message said it was multipart but has no subparts."),
        ("InvalidMultipartContentTransferEncodingDefect",
         "A multipart part had a transfer encoding other than 7bit, 8bit "
         "or binary."),
        ("UndecodableBytesDefect", "A header held bytes that could not be decoded."),
        ("InvalidBase64PaddingDefect", "Base64 data was missing padding characters."),
        ("InvalidBase64CharactersDefect",
         "Base64 data held characters outside the base64 alphabet."),
        ("InvalidBase64LengthDefect",
         "Base64 data had a length no encoder produces."),
]:
    _make(_name, (MessageDefect,), _doc)

MalformedHeaderDefect = MissingHeaderBodySeparatorDefect

_make("HeaderDefect", (MessageDefect,),
      "Base of the defects found in a single header.")


def _non_printable_init(self, non_printables):
    HeaderDefect.__init__(self, non_printables)
    self.non_printables = non_printables


def _non_printable_str(self):
    return ("the following ASCII non-printables found in header: "
            + "{}".format(self.non_printables))


for _name, _doc, _body in [
        ("InvalidHeaderDefect", "A header could not be made sense of.", None),
        ("HeaderMissingRequiredValue", "A header that must have a value has none.",
         None),
        ("NonPrintableDefect", "A header held characters that cannot be printed.",
         {"__init__": _non_printable_init, "__str__": _non_printable_str}),
        ("ObsoleteHeaderDefect",
         "A header used syntax that RFC 5322 marks obsolete.", None),
        ("NonASCIILocalPartDefect",
         "An address had non-ASCII characters in its local part.", None),
        ("InvalidDateDefect", "A header held a date that could not be understood.",
         None),
]:
    _make(_name, (HeaderDefect,), _doc, _body)

del _name, _doc, _body, _make, _defect_init, _non_printable_init, _non_printable_str
