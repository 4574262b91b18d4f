import unittest
class Beta(unittest.TestCase):
    def test_fail(self): self.assertEqual('a', 'b')
    @unittest.skip('not now')
    def test_skip(self): pass
