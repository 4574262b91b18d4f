"""XML processing: xml.etree.ElementTree, xml.dom (minidom), xml.sax and
xml.parsers.expat (krait)."""
