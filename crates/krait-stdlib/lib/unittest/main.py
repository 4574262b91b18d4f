"""unittest.main (TestProgram): load the tests of a module (or those
named on the command line), run them and exit with the outcome.

The command line is parsed by hand with the options of CPython's
argparse parser (-h, -v, -q, --locals, -f, -c, -b, -k and test names);
the `discover` sub-command is left out."""

import os
import sys

from . import loader, runner
from .signals import installHandler

__unittest = True

# (invocation, help) of each entry of the help, as argparse lists them.
_POSITIONALS = [
    ('tests', 'a list of any number of test modules, classes and test '
              'methods.'),
]
_OPTIONALS = [
    ('-h, --help', 'show this help message and exit'),
    ('-v, --verbose', 'Verbose output'),
    ('-q, --quiet', 'Quiet output'),
    ('--locals', 'Show local variables in tracebacks'),
    ('-f, --failfast', 'Stop on first fail or error'),
    ('-c, --catch', 'Catch Ctrl-C and display results so far'),
    ('-b, --buffer', 'Buffer stdout and stderr during tests'),
    ('-k TESTNAMEPATTERNS', 'Only run tests which match the given substring'),
]
_USAGE_OPTIONALS = ['[-h]', '[-v]', '[-q]', '[--locals]', '[-f]', '[-c]',
                    '[-b]', '[-k TESTNAMEPATTERNS]']
_USAGE_POSITIONALS = ['[tests ...]']


def _text_width():
    """The width argparse formats help for: the terminal's (COLUMNS, or
    80 when unknown) less 2."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    if columns <= 0:
        columns = 80
    return columns - 2


def _wrap_parts(parts, indent, width, first_line_used=None):
    """Lines of parts joined by spaces, each at most width long (a part
    longer than that has a line of its own), argparse's usage wrapping."""
    lines = []
    line = []
    used = (first_line_used if first_line_used is not None else len(indent)) - 1
    for part in parts:
        if used + 1 + len(part) > width and line:
            lines.append(indent + ' '.join(line))
            line = []
            used = len(indent) - 1
        line.append(part)
        used += len(part) + 1
    if line:
        lines.append(indent + ' '.join(line))
    if first_line_used is not None:
        lines[0] = lines[0][len(indent):]
    return lines


def _format_usage(prog, width):
    prefix = 'usage: '
    usage = ' '.join([prog] + _USAGE_OPTIONALS + _USAGE_POSITIONALS)
    if len(prefix) + len(usage) <= width:
        return prefix + usage + '\n'
    if len(prefix) + len(prog) <= 0.75 * width:
        indent = ' ' * (len(prefix) + len(prog) + 1)
        lines = _wrap_parts([prog] + _USAGE_OPTIONALS, indent, width,
                            len(prefix))
        lines.extend(_wrap_parts(_USAGE_POSITIONALS, indent, width))
    else:
        indent = ' ' * len(prefix)
        lines = _wrap_parts(_USAGE_OPTIONALS + _USAGE_POSITIONALS, indent,
                            width)
        if len(lines) > 1:
            lines = (_wrap_parts(_USAGE_OPTIONALS, indent, width) +
                     _wrap_parts(_USAGE_POSITIONALS, indent, width))
        lines = [prog] + lines
    return prefix + '\n'.join(lines) + '\n'


def _format_entries(entries, width):
    import textwrap
    max_help_position = min(24, max(width - 20, 4))
    longest = max(len(invocation) for invocation, _ in
                  _POSITIONALS + _OPTIONALS) + 2
    help_position = min(longest + 2, max_help_position)
    action_width = help_position - 4
    help_width = max(width - help_position, 11)
    out = []
    for invocation, text in entries:
        help_lines = textwrap.wrap(text, help_width)
        if len(invocation) <= action_width:
            out.append('  %-*s  %s\n' % (action_width, invocation, help_lines[0]))
            help_lines = help_lines[1:]
        else:
            out.append('  %s\n' % invocation)
        for line in help_lines:
            out.append(' ' * help_position + line + '\n')
    return ''.join(out)


MAIN_EXAMPLES = """\
Examples:
  %(prog)s                           - run default set of tests
  %(prog)s MyTestSuite               - run suite 'MyTestSuite'
  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething
  %(prog)s MyTestCase                - run all 'test*' test methods
                                       in MyTestCase
"""


def _convert_name(name):
    # A path to a .py file names the module it holds.
    if os.path.isfile(name) and name.lower().endswith('.py'):
        if os.path.isabs(name):
            rel_path = os.path.relpath(name, os.getcwd())
            if os.path.isabs(rel_path) or rel_path.startswith(os.pardir):
                return name
            name = rel_path
        return os.path.normpath(name)[:-3].replace('\\', '.').replace('/', '.')
    return name


def _convert_names(names):
    return [_convert_name(name) for name in names]


def _convert_select_pattern(pattern):
    if '*' not in pattern:
        pattern = '*%s*' % pattern
    return pattern


class TestProgram(object):
    """Runs the tests of a module from the command line: parses argv,
    loads the tests, runs them with testRunner and (with exit) exits
    with status 0 when they passed, 1 otherwise."""

    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = None
    testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None,
                 testRunner=None, testLoader=loader.defaultTestLoader,
                 exit=True, verbosity=1, failfast=None, catchbreak=None,
                 buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv

        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        if warnings is None and not getattr(sys, 'warnoptions', None):
            # Show deprecation warnings of the tests, as CPython does
            # when no -W option is given.
            self.warnings = 'default'
        else:
            self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = os.path.basename(argv[0])
        self.parseArgs(argv)
        self.runTests()

    def _usage(self):
        return _format_usage(self.progName, _text_width())

    def _help_text(self):
        width = _text_width()
        return (_format_usage(self.progName, width) + '\n' +
                'positional arguments:\n' + _format_entries(_POSITIONALS, width) +
                '\noptions:\n' + _format_entries(_OPTIONALS, width) + '\n' +
                MAIN_EXAMPLES % {'prog': self.progName} + '\n')

    def usageExit(self, msg=None):
        """Print the help (or msg with the usage) and exit as argparse
        does."""
        if msg:
            sys.stderr.write(self._usage())
            sys.stderr.write('%s: error: %s\n' % (self.progName, msg))
            sys.exit(2)
        sys.stdout.write(self._help_text())
        sys.exit(0)

    def _parse_options(self, args):
        tests = []
        patterns = None
        i = 0
        unknown = []
        only_positional = False
        while i < len(args):
            arg = args[i]
            i += 1
            if only_positional or not arg.startswith('-') or arg == '-':
                tests.append(arg)
                continue
            if arg == '--':
                only_positional = True
                continue
            if arg.startswith('--'):
                name = arg
                if name == '--help':
                    self.usageExit()
                elif name == '--verbose':
                    self.verbosity = 2
                elif name == '--quiet':
                    self.verbosity = 0
                elif name == '--locals':
                    self.tb_locals = True
                elif name == '--failfast':
                    self.failfast = True
                elif name == '--catch':
                    self.catchbreak = True
                elif name == '--buffer':
                    self.buffer = True
                else:
                    unknown.append(arg)
                continue
            # Short options, possibly grouped (-vf) or with -k's value.
            j = 1
            while j < len(arg):
                flag = arg[j]
                j += 1
                if flag == 'h':
                    self.usageExit()
                elif flag == 'v':
                    self.verbosity = 2
                elif flag == 'q':
                    self.verbosity = 0
                elif flag == 'f':
                    self.failfast = True
                elif flag == 'c':
                    self.catchbreak = True
                elif flag == 'b':
                    self.buffer = True
                elif flag == 'k':
                    if j < len(arg):
                        value = arg[j:]
                    elif i < len(args):
                        value = args[i]
                        i += 1
                    else:
                        self.usageExit('argument -k: expected one argument')
                    if patterns is None:
                        patterns = []
                    patterns.append(_convert_select_pattern(value))
                    break
                else:
                    unknown.append(arg)
                    break
        if unknown:
            self.usageExit('unrecognized arguments: %s' % ' '.join(unknown))
        return tests, patterns

    def parseArgs(self, argv):
        tests, patterns = self._parse_options(argv[1:])
        # Options given to the constructor win over their defaults only.
        if self.failfast is None:
            self.failfast = False
        if self.catchbreak is None:
            self.catchbreak = False
        if self.buffer is None:
            self.buffer = False
        if patterns is not None:
            self.testNamePatterns = patterns
        self.tests = tests
        if tests:
            self.testNames = _convert_names(tests)
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames,
                                                           self.module)

    def runTests(self):
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        if isinstance(self.testRunner, type):
            try:
                try:
                    test_runner = self.testRunner(
                        verbosity=self.verbosity, failfast=self.failfast,
                        buffer=self.buffer, warnings=self.warnings,
                        tb_locals=self.tb_locals)
                except TypeError:
                    # A runner without tb_locals.
                    test_runner = self.testRunner(
                        verbosity=self.verbosity, failfast=self.failfast,
                        buffer=self.buffer, warnings=self.warnings)
            except TypeError:
                # A runner taking no options at all.
                test_runner = self.testRunner()
        else:
            # An instance: used as it is.
            test_runner = self.testRunner
        self.result = test_runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
