"""XML processing: krait provides the xml.etree.ElementTree API."""
