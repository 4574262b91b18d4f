# os and os.path: path strings, folders made, listed, walked, renamed and
# removed (in the folder the test runs in), OSError subclasses and their
# texts, the environment, os.stat, os.scandir, path-like objects; types.
import os, os.path, sys
import types, stat
print(os.name, os.sep, repr(os.linesep), os.path is sys.modules['os.path'], os.path.__name__)
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b'), os.path.join('a/', 'b'), os.path.join('', 'x'))
print(os.path.split('/a/b/c.txt'), os.path.split('c'), os.path.split('/'), os.path.split('a//b'))
print(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'), os.path.splitext('..x'))
print(os.path.basename('/a/b/'), os.path.basename('/a/b'), os.path.dirname('/a/b'), os.path.dirname('a'), os.path.dirname('//x'))
print(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath('..//x/..'), os.path.normpath(''), os.path.normpath('//a'), os.path.normpath('///a'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.commonprefix(['abc', 'abd']), os.path.commonpath(['/a/b/c', '/a/b/d']))
os.makedirs('work/sub/deeper')
os.makedirs('work/sub', exist_ok=True)
try:
    os.makedirs('work/sub')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
print(os.path.exists('work'), os.path.isdir('work'), os.path.isfile('work'), os.path.exists('nope'))
print(sorted(os.listdir('work')), os.listdir('work/sub'))
for entry in sorted(os.scandir('work'), key=lambda e: e.name):
    print(entry.name, entry.path, entry.is_dir(), entry.is_file())
for folder, dirs, files in os.walk('work'):
    print(folder, sorted(dirs), files)
os.rename('work/sub/deeper', 'work/moved')
print(sorted(os.listdir('work')))
os.rmdir('work/moved'); os.rmdir('work/sub'); os.rmdir('work')
print(os.path.exists('work'))
for bad in [lambda: os.rmdir('nothere'), lambda: os.listdir('nothere'), lambda: os.remove('nothere'), lambda: os.mkdir('.'), lambda: os.rename('a_missing', 'b'), lambda: os.stat('missing')]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e)
try:
    os.listdir(1.5)
except TypeError as e:
    print(e)
try:
    os.path.join('a', 5)
except TypeError as e:
    print(e)
print(type(os.environ).__name__, isinstance(os.environ, dict), os.getenv('NOPE_NOT_SET'), os.getenv('NOPE_NOT_SET', 'dflt'))
print('HOME' not in os.environ or os.path.expanduser('~/x') == os.environ['HOME'] + '/x', os.path.expanduser('x'))
print(isinstance(os.getpid(), int), os.fspath('p'), stat.S_ISDIR(os.stat('.').st_mode), os.stat('main.py').st_size > 0)
print(types.SimpleNamespace(a=1, b='x'), types.FunctionType, types.ModuleType('m'), types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
class P:
    def __fspath__(self): return 'main.py'
print(os.fspath(P()), os.path.exists(P()), isinstance(P(), os.PathLike), isinstance('x', os.PathLike))
