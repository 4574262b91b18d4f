"""The ElementTree API: see xml.etree.ElementTree."""
