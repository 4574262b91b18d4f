"""Container datatypes (placeholder: the collections package is written by another helper)."""
