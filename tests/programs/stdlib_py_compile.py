# py_compile: the cache path importlib.util names, an explicit cfile,
# errors quiet, printed or raised, and the compiled file running.
import importlib.util
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile

folder = tempfile.mkdtemp()
try:
    good = os.path.join(folder, 'good.py')
    bad = os.path.join(folder, 'bad.py')
    with open(good, 'w') as f:
        f.write('print("compiled", 6 * 7)\n')
    with open(bad, 'w') as f:
        f.write('def f(:\n    pass\n')
    path = py_compile.compile(good)
    print(path == importlib.util.cache_from_source(good), os.path.isfile(path))
    target = os.path.join(folder, 'out', 'good.bin')
    print(py_compile.compile(good, cfile=target) == target, os.path.isfile(target))
    print(py_compile.compile(bad, quiet=2))
    try:
        py_compile.compile(bad, doraise=True)
    except py_compile.PyCompileError as e:
        print(type(e).__name__, e.exc_type_name, e.file == bad, 'SyntaxError' in e.msg)
    print([m.name for m in py_compile.PycInvalidationMode])
    print(issubclass(py_compile.PyCompileError, Exception))
finally:
    shutil.rmtree(folder)
