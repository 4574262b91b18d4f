# doctest: testmod/testfile/run_docstring_examples over the sample modules,
# every option flag and report format, the unittest suites; each test file
# runs in turn as __main__, its output captured. Tracebacks through
# doctest's own frames show their source line under CPython only (krait's
# standard library is frozen without its source): those lines, and the
# carets under them, are left out of both.
import io
import os
import re
import sys

# The scratch folder the test runs in is named differently each time.
HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep

TESTS = ['test_doctest1.py', 'test_doctest2.py', 'test_doctest3.py', 'test_doctest4.py', 'test_doctest5.py', 'test_api.py']

OWN_SOURCE_LINE = re.compile(r'^[ +\-!]*exec\(compile\(example\.source, filename, "single",$')
CARETS = re.compile(r'^[ +\-!]*\^+$')

for name in TESTS:
    print("=" * 20, name)
    with open(name) as f:
        source = f.read()
    namespace = {"__name__": "__main__", "__file__": name}
    real_stdout = sys.stdout
    sys.stdout = captured = io.StringIO()
    try:
        exec(compile(source, name, "exec"), namespace)
    except SystemExit as stop:
        print("SystemExit", stop.code)
    finally:
        sys.stdout = real_stdout
    skip_carets = False
    for line in captured.getvalue().replace(HERE, "").split("\n"):
        if OWN_SOURCE_LINE.match(line):
            skip_carets = True
            continue
        if skip_carets and CARETS.match(line):
            skip_carets = False
            continue
        skip_carets = False
        print(line)
