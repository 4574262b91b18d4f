import unittest
class Hidden(unittest.TestCase):
    def test_hidden(self): pass
