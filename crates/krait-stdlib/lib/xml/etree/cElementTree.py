"""Compatibility alias of xml.etree.ElementTree (deprecated in CPython)."""

from xml.etree.ElementTree import *
