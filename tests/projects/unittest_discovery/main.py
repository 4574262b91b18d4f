# unittest's test discovery: modules matching the pattern in packages
# below the start folder, named from the top-level folder; a pattern, a
# missing folder, -k, and `unittest.main(module=None)` discovering.
import io
import unittest


def ids(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from ids(test)
        else:
            yield test.id()


loader = unittest.TestLoader()
suite = loader.discover('tests', top_level_dir='.')
print(sorted(ids(suite)))
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped))
print(sorted(ids(unittest.TestLoader().discover('tests', pattern='helper*.py'))))
try:
    unittest.TestLoader().discover('no_such_folder')
except ImportError as e:
    print(type(e).__name__, e)
for argv in (['prog', 'discover', '-s', 'tests', '-t', '.'],
             ['prog', 'discover', 'tests', 'test_a*.py', '.'],
             ['prog', '-k', 'beta']):
    stream = io.StringIO()
    program = unittest.main(module=None, argv=argv, exit=False,
                            testRunner=unittest.TextTestRunner(stream=stream))
    print(argv[1:], program.result.testsRun, program.result.wasSuccessful())
