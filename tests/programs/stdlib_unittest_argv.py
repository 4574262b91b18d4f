"""unittest: unittest.main's command line: grouped short options, long
options, -k forms, '--', -h/--help and usage errors (captured), and
the TestProgram attributes they set."""
import io
import re
import sys
import os
import unittest

os.environ['COLUMNS'] = '80'


class T(unittest.TestCase):
    def test_alpha(self):
        pass

    def test_beta(self):
        self.fail('beta fails')


def attempt(argv, **kw):
    out, err = io.StringIO(), io.StringIO()
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    code = None
    prog = None
    try:
        prog = unittest.main(module=__name__, argv=argv,
                             testRunner=unittest.TextTestRunner(stream=out), **kw)
    except SystemExit as e:
        code = e.code
    finally:
        sys.stdout, sys.stderr = real
    print('===', argv[1:], kw, 'exit', code)
    print(re.sub(r'in [0-9.]+s', 'in T', out.getvalue().replace(sys._getframe().f_code.co_filename, 'THIS.py')), end='')
    print('stderr:', err.getvalue(), end='')
    if prog is not None:
        print('attrs:', prog.verbosity, prog.failfast, prog.catchbreak, prog.buffer,
              prog.tb_locals, prog.testNamePatterns, prog.tests, prog.testNames)


attempt(['prog', '-vf', 'T'], exit=False)
attempt(['prog', '--verbose', '--failfast', '--buffer', '--locals', 'T.test_alpha'], exit=False)
attempt(['prog', '-kalpha'], exit=False)
attempt(['prog', '-k', 'b*ta', '-k', 'alpha'], exit=False)
attempt(['prog', '--', '-x'], exit=False)
attempt(['prog', '-k'])
attempt(['prog', '--bogus', '-z'])
attempt(['prog', '-h'])
attempt(['prog', '--help'])
attempt(['prog', 'T.test_alpha'])
attempt(['prog', 'T'])
attempt(['prog'], defaultTest='T.test_alpha', exit=False)
attempt(['prog'], defaultTest=['T.test_alpha', 'T.test_beta'], exit=False, failfast=True)
