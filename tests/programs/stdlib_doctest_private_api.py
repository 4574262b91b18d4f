# Subclasses of DocTestRunner (sympy's SymPyDocTestRunner) copy its
# name-mangled methods by name and call them from their own run().
import doctest
import linecache
import sys

for method in ['patched_linecache_getlines', 'run', 'record_outcome']:
    print(method, callable(getattr(doctest.DocTestRunner, '_DocTestRunner__' + method)))


class QuietRunner(doctest.DocTestRunner):
    def run(self, test, compileflags=None, out=None, clear_globs=True):
        self.test = test
        if compileflags is None:
            compileflags = 0
        self.save_linecache_getlines = linecache.getlines
        linecache.getlines = self.__patched_linecache_getlines
        saved = sys.stdout
        sys.stdout = self._fakeout
        self.debugger = doctest._OutputRedirectingPdb(saved)
        self.debugger.reset()
        try:
            return self.__run(test, compileflags, out)
        finally:
            sys.stdout = saved
            linecache.getlines = self.save_linecache_getlines


for method in ['patched_linecache_getlines', 'run', 'record_outcome']:
    setattr(QuietRunner, '_QuietRunner__' + method,
            getattr(doctest.DocTestRunner, '_DocTestRunner__' + method))


def square(x):
    """
    >>> square(3)
    9
    >>> square(4)
    15
    >>> import linecache
    >>> linecache.getlines('<doctest square[2]>')
    ['import linecache\\n']
    """
    return x * x


finder = doctest.DocTestFinder()
runner = QuietRunner(verbose=False)
lines = []
for test in finder.find(square, 'square', globs={'square': square}):
    result = runner.run(test, out=lines.append)
    print(result.failed, result.attempted)
print(''.join(lines).count('Failed example'))
print(runner.tries, runner.failures)
print(issubclass(doctest._OutputRedirectingPdb, __import__('pdb').Pdb))
