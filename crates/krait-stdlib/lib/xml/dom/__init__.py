"""W3C Document Object Model support (krait implementation).

Holds what every DOM implementation shares: the Node type constants, the
DOMException family with its numeric codes, the well-known namespace
URIs, and the registry behind getDOMImplementation()."""


class Node:
    """Only the node type constants; real node classes derive from it."""
    __slots__ = ()

    ELEMENT_NODE = 1
    ATTRIBUTE_NODE = 2
    TEXT_NODE = 3
    CDATA_SECTION_NODE = 4
    ENTITY_REFERENCE_NODE = 5
    ENTITY_NODE = 6
    PROCESSING_INSTRUCTION_NODE = 7
    COMMENT_NODE = 8
    DOCUMENT_NODE = 9
    DOCUMENT_TYPE_NODE = 10
    DOCUMENT_FRAGMENT_NODE = 11
    NOTATION_NODE = 12


# ExceptionCode values
INDEX_SIZE_ERR = 1
DOMSTRING_SIZE_ERR = 2
HIERARCHY_REQUEST_ERR = 3
WRONG_DOCUMENT_ERR = 4
INVALID_CHARACTER_ERR = 5
NO_DATA_ALLOWED_ERR = 6
NO_MODIFICATION_ALLOWED_ERR = 7
NOT_FOUND_ERR = 8
NOT_SUPPORTED_ERR = 9
INUSE_ATTRIBUTE_ERR = 10
INVALID_STATE_ERR = 11
SYNTAX_ERR = 12
INVALID_MODIFICATION_ERR = 13
NAMESPACE_ERR = 14
INVALID_ACCESS_ERR = 15
VALIDATION_ERR = 16


class DOMException(Exception):
    """Base of the DOM errors; only its subclasses, each with its own
    code, are meant to be raised."""

    def __init__(self, *args, **kw):
        if type(self) is DOMException:
            raise RuntimeError(
                "DOMException should not be instantiated directly")
        Exception.__init__(self, *args, **kw)

    def _get_code(self):
        return self.code


def _dom_error(name, code, doc):
    return type(name, (DOMException,), {"code": code, "__doc__": doc,
                                        "__module__": __name__})


IndexSizeErr = _dom_error("IndexSizeErr", INDEX_SIZE_ERR,
                          "An index or size is out of range.")
DomstringSizeErr = _dom_error("DomstringSizeErr", DOMSTRING_SIZE_ERR,
                              "A string is too long for the implementation.")
HierarchyRequestErr = _dom_error("HierarchyRequestErr", HIERARCHY_REQUEST_ERR,
                                 "A node was put where it may not go.")
WrongDocumentErr = _dom_error("WrongDocumentErr", WRONG_DOCUMENT_ERR,
                              "A node belongs to another document.")
InvalidCharacterErr = _dom_error("InvalidCharacterErr", INVALID_CHARACTER_ERR,
                                 "A name holds a character it may not.")
NoDataAllowedErr = _dom_error("NoDataAllowedErr", NO_DATA_ALLOWED_ERR,
                              "Data was given to a node that takes none.")
NoModificationAllowedErr = _dom_error(
    "NoModificationAllowedErr", NO_MODIFICATION_ALLOWED_ERR,
    "Something read-only was changed.")
NotFoundErr = _dom_error("NotFoundErr", NOT_FOUND_ERR,
                         "A node was not found where it was expected.")
NotSupportedErr = _dom_error("NotSupportedErr", NOT_SUPPORTED_ERR,
                             "The operation is not supported.")
InuseAttributeErr = _dom_error("InuseAttributeErr", INUSE_ATTRIBUTE_ERR,
                               "The attribute already belongs to an element.")
InvalidStateErr = _dom_error("InvalidStateErr", INVALID_STATE_ERR,
                             "The object is not usable any more.")
SyntaxErr = _dom_error("SyntaxErr", SYNTAX_ERR, "A string is malformed.")
InvalidModificationErr = _dom_error("InvalidModificationErr",
                                    INVALID_MODIFICATION_ERR,
                                    "The type of an object cannot change.")
NamespaceErr = _dom_error("NamespaceErr", NAMESPACE_ERR,
                          "A name breaks the rules of namespaces.")
InvalidAccessErr = _dom_error("InvalidAccessErr", INVALID_ACCESS_ERR,
                              "The object does not support the operation.")
ValidationErr = _dom_error("ValidationErr", VALIDATION_ERR,
                           "The change would make the document invalid.")

del _dom_error


class UserDataHandler:
    """The operation codes passed to user data handlers."""

    NODE_CLONED = 1
    NODE_IMPORTED = 2
    NODE_DELETED = 3
    NODE_RENAMED = 4


XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
EMPTY_NAMESPACE = None
EMPTY_PREFIX = None

from .domreg import getDOMImplementation, registerDOMImplementation
