"""krait's unittest.main (TestProgram): load the tests of a module, or
those named on the command line, run them, and exit with the outcome.

Options are parsed by hand and their help laid out the way argparse
does for CPython's parser (-h, -v, -q, --locals, -f, -c, -b, -k, test
names). With no module (`python -m unittest`), no test names or the
`discover` sub-command finds the tests (-s start directory, -p pattern,
-t top-level directory, or the three as positional arguments)."""

import os
import sys

from . import loader, runner
from .signals import installHandler

__unittest = True

MAIN_EXAMPLES = (
    "Examples:\n"
    "  %(prog)s                           - run default set of tests\n"
    "  %(prog)s MyTestSuite               - run suite 'MyTestSuite'\n"
    "  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething\n"
    "  %(prog)s MyTestCase                - run all 'test*' test methods\n"
    "                                       in MyTestCase\n"
)

# The option table: (short, long, attribute, value stored).
_FLAGS = (
    ('v', '--verbose', 'verbosity', 2),
    ('q', '--quiet', 'verbosity', 0),
    (None, '--locals', 'tb_locals', True),
    ('f', '--failfast', 'failfast', True),
    ('c', '--catch', 'catchbreak', True),
    ('b', '--buffer', 'buffer', True),
)

# Help entries (invocation, text) in argparse's order.
_HELP_POSITIONAL = (
    ('tests', 'a list of any number of test modules, classes and test '
              'methods.'),
)
_HELP_OPTIONS = (
    ('-h, --help', 'show this help message and exit'),
    ('-v, --verbose', 'Verbose output'),
    ('-q, --quiet', 'Quiet output'),
    ('--locals', 'Show local variables in tracebacks'),
    ('-f, --failfast', 'Stop on first fail or error'),
    ('-c, --catch', 'Catch Ctrl-C and display results so far'),
    ('-b, --buffer', 'Buffer stdout and stderr during tests'),
    ('-k TESTNAMEPATTERNS', 'Only run tests which match the given substring'),
)
_USAGE_FLAGS = ('[-h]', '[-v]', '[-q]', '[--locals]', '[-f]', '[-c]', '[-b]',
                '[-k TESTNAMEPATTERNS]')
_USAGE_ARGS = ('[tests ...]',)


class _ArgError(Exception):
    pass


def _help_width():
    """argparse's width: the terminal columns (COLUMNS first, 80 when
    unknown) minus 2."""
    columns = 0
    setting = os.environ.get('COLUMNS')
    if setting is not None:
        try:
            columns = int(setting)
        except ValueError:
            columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns if columns > 0 else 80) - 2


def _fill(
        words, margin, width, first_taken=None):
    """Words joined by spaces into lines no longer than width (a longer
    word gets a line to itself), each starting with margin; with
    first_taken, the first line already holds that many characters and
    gets no margin."""
    rows = []
    current = []
    taken = len(margin) if first_taken is None else first_taken
    for word in words:
        if current and taken + len(word) > width:
            rows.append(current)
            current = []
            taken = len(margin)
        current.append(word)
        taken += len(word) + 1
    if current:
        rows.append(current)
    lines = [margin + ' '.join(row) for row in rows]
    if first_taken is not None and lines:
        lines[0] = lines[0][len(margin):]
    return lines


def _usage_text(
        prog, width):
    head = 'usage: '
    flat = ' '.join((prog,) + _USAGE_FLAGS + _USAGE_ARGS)
    if len(head) + len(flat) <= width:
        return f'{head}{flat}\n'
    if len(head) + len(prog) <= 0.75 * width:
        margin = ' ' * (len(head) + len(prog) + 1)
        body = _fill((prog,) + _USAGE_FLAGS, margin, width, len(head))
        body += _fill(_USAGE_ARGS, margin, width)
    else:
        margin = ' ' * len(head)
        body = _fill(_USAGE_FLAGS + _USAGE_ARGS, margin, width)
        if len(body) > 1:
            body = (_fill(_USAGE_FLAGS, margin, width)
                    + _fill(_USAGE_ARGS, margin, width))
        body = [prog] + body
    return head + '\n'.join(body) + '\n'


def _entries_text(
        entries, width):
    import textwrap
    widest = 2 + max(len(label) for label, _ in
                     _HELP_POSITIONAL + _HELP_OPTIONS)
    column = min(widest + 2, min(24, max(width - 20, 4)))
    label_room = column - 4
    text_room = max(width - column, 11)
    out = []
    for label, explanation in entries:
        pieces = textwrap.wrap(explanation, text_room)
        if len(label) > label_room:
            out.append(f'  {label}\n')
        else:
            out.append(f'  {label.ljust(label_room)}  {pieces.pop(0)}\n')
        out.extend(' ' * column + piece + '\n' for piece in pieces)
    return ''.join(out)


def _convert_name(name):
    """A path to a .py file stands for the module it holds."""
    if not (os.path.isfile(name) and name.lower().endswith('.py')):
        return name
    if os.path.isabs(name):
        relative = os.path.relpath(name, os.getcwd())
        if os.path.isabs(relative) or relative.startswith(os.pardir):
            return name
        name = relative
    dotted = os.path.normpath(name)[:-3]
    return dotted.replace('\\', '.').replace('/', '.')


def _convert_names(
        names):
    return [_convert_name(one) for one in names]


def _convert_select_pattern(
        pattern):
    return pattern if '*' in pattern else f'*{pattern}*'


class TestProgram(object):
    """The command-line test program: parse argv, load the tests, run
    them with testRunner, and (when exit is true) exit with status 0
    if they passed, 1 if not."""

    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = None
    testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None,
                 testRunner=None, testLoader=loader.defaultTestLoader,
                 exit=True, verbosity=1, failfast=None, catchbreak=None,
                 buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            head, *rest = module.split('.')
            found = __import__(module)
            for attr in rest:
                found = getattr(found, attr)
            self.module = found
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
        # No -W options: show the tests' deprecation warnings.
        if warnings is None and not getattr(sys, 'warnoptions', None):
            warnings = 'default'
        self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = os.path.basename(argv[0])
        self.parseArgs(argv)
        self.runTests()

    def _usage(self):
        return _usage_text(self.progName, _help_width())

    def _help_text(self):
        width = _help_width()
        return ''.join([
            _usage_text(self.progName, width), '\n',
            'positional arguments:\n', _entries_text(_HELP_POSITIONAL, width),
            '\noptions:\n', _entries_text(_HELP_OPTIONS, width), '\n',
            MAIN_EXAMPLES % {'prog': self.progName}, '\n'])

    def usageExit(
            self, msg=None):
        """Exit as argparse does: with msg, the usage and the error on
        stderr (status 2); without, the full help on stdout (status 0)."""
        if not msg:
            sys.stdout.write(self._help_text())
            sys.exit(0)
        sys.stderr.write(self._usage())
        sys.stderr.write(f'{self.progName}: error: {msg}\n')
        sys.exit(2)

    def _set_flag(
            self, attr, value):
        setattr(self, attr, value)

    def _parse_options(
            self, args):
        """(test names, -k patterns or None) from the arguments; options
        are applied to self as they are read."""
        names = []
        patterns = None
        strays = []
        queue = list(args)
        by_long = {flag[1]: flag for flag in _FLAGS}
        by_short = {flag[0]: flag for flag in _FLAGS if flag[0]}
        positional_only = False
        while queue:
            arg = queue.pop(0)
            if positional_only or arg == '-' or not arg.startswith('-'):
                names.append(arg)
            elif arg == '--':
                positional_only = True
            elif arg.startswith('--'):
                if arg == '--help':
                    self.usageExit()
                elif arg in by_long:
                    _, _, attr, value = by_long[arg]
                    self._set_flag(attr, value)
                else:
                    strays.append(arg)
            else:
                # One or more short flags; -k takes the rest or the next.
                letters = arg[1:]
                while letters:
                    letter, letters = letters[0], letters[1:]
                    if letter == 'h':
                        self.usageExit()
                    elif letter in by_short:
                        _, _, attr, value = by_short[letter]
                        self._set_flag(attr, value)
                    elif letter == 'k':
                        if letters:
                            value = letters
                        elif queue:
                            value = queue.pop(0)
                        else:
                            self.usageExit('argument -k: expected one argument')
                        patterns = (patterns or []) + [
                            _convert_select_pattern(value)]
                        letters = ''
                    else:
                        strays.append(arg)
                        letters = ''
        if strays:
            self.usageExit('unrecognized arguments: ' + ' '.join(strays))
        return names, patterns

    def _discovery_options(self, args):
        """Take -s/-p/-t (or up to three positional values) out of the
        discover sub-command's arguments: (start, pattern, top, rest)."""
        values = {'start': '.', 'pattern': 'test*.py', 'top': None}
        option_names = {'-s': 'start', '--start-directory': 'start',
                        '-p': 'pattern', '--pattern': 'pattern',
                        '-t': 'top', '--top-level-directory': 'top'}
        rest = []
        positional = []
        queue = list(args)
        while queue:
            arg = queue.pop(0)
            if arg in option_names:
                if not queue:
                    self.usageExit(f'argument {arg}: expected one argument')
                values[option_names[arg]] = queue.pop(0)
            elif arg.startswith('-'):
                rest.append(arg)
                if arg == '-k' and queue:
                    rest.append(queue.pop(0))
            else:
                positional.append(arg)
        for key, value in zip(('start', 'pattern', 'top'), positional):
            values[key] = value
        if len(positional) > 3:
            self.usageExit('unrecognized arguments: ' + ' '.join(positional[3:]))
        return values['start'], values['pattern'], values['top'], rest

    def _do_discovery(self, args):
        start, pattern, top, rest = self._discovery_options(args)
        _, patterns = self._parse_options(rest)
        for attr in ('failfast', 'catchbreak', 'buffer'):
            if getattr(self, attr) is None:
                setattr(self, attr, False)
        if patterns is not None:
            self.testNamePatterns = patterns
            self.testLoader.testNamePatterns = patterns
        self.tests = []
        self.testNames = None
        self.test = self.testLoader.discover(start, pattern, top)

    def parseArgs(
            self, argv):
        if self.module is None:
            if len(argv) > 1 and argv[1].lower() == 'discover':
                self._do_discovery(argv[2:])
                return
            # No test named: discovery, with the options given.
            if not self._parse_options(argv[1:])[0]:
                self._do_discovery(argv[1:])
                return
        names, patterns = self._parse_options(argv[1:])
        # Flags not given on the command line nor to the constructor.
        for attr in ('failfast', 'catchbreak', 'buffer'):
            if getattr(self, attr) is None:
                setattr(self, attr, False)
        if patterns is not None:
            self.testNamePatterns = patterns
        elif self.testNamePatterns is None:
            self.testNamePatterns = []
        self.tests = names
        default = self.defaultTest
        if names:
            self.testNames = _convert_names(names)
        elif default is None:
            self.testNames = None
        elif isinstance(default, str):
            self.testNames = (default,)
        else:
            self.testNames = list(default)
        self.createTests()

    def createTests(
            self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(
                self.testNames, self.module)

    def _build_runner(self):
        choice = self.testRunner
        if not isinstance(choice, type):
            # Already a runner instance.
            return choice
        options = dict(verbosity=self.verbosity, failfast=self.failfast,
                       buffer=self.buffer, warnings=self.warnings)
        try:
            try:
                return choice(tb_locals=self.tb_locals, **options)
            except TypeError:
                # No tb_locals parameter.
                return choice(**options)
        except TypeError:
            # A runner taking no options at all.
            return choice()

    def runTests(self):
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        self.result = self._build_runner().run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
