# pathlib: pure path operations, folders and files made, globbed, renamed and
# removed through Path; fnmatch patterns.
from pathlib import Path, PurePath, PurePosixPath, PosixPath
import fnmatch
p = Path('a') / 'b' / 'c.tar.gz'
print(p, repr(p), p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parts, list(map(str, p.parents)))
print(Path('/x//y/./z/'), Path(''), Path('/'), Path('//a'), Path('a', '/b', 'c'), 'x' / Path('y'))
print(PurePath('a/b'), type(PurePath('a')).__name__, type(Path('a')).__name__, Path('a') == PurePosixPath('a'))
print(p.with_name('d.txt'), p.with_suffix('.zip'), p.with_stem('e'), Path('/a/b/c').relative_to('/a'), Path('/a').is_absolute())
print(Path('a/b.py').match('*.py'), Path('a/b.py').match('a/*.py'), Path('a/b.py').match('/*.py'))
print(sorted([Path('b'), Path('a/c'), Path('a')]), hash(Path('a')) == hash(Path('a')), {Path('a'): 1}[Path('a')])
print(fnmatch.fnmatch('abc.py', '*.py'), fnmatch.fnmatchcase('abc', 'a?c'), fnmatch.fnmatch('x[1]', 'x[[]1]'), fnmatch.filter(['a.c', 'b.h', 'c.c'], '*.c'), fnmatch.fnmatch('b', '[!a-c]'), fnmatch.fnmatch('d', '[!a-c]'))
d = Path('work')
d.mkdir()
(d / 'sub' / 'deep').mkdir(parents=True)
(d / 'sub').mkdir(exist_ok=True)
try:
    d.mkdir()
except FileExistsError as e:
    print(e)
print(d.exists(), d.is_dir(), d.is_file(), sorted(x.name for x in d.iterdir()))
for name in ['one.txt', 'two.py', 'sub/three.py']:
    (d / name).touch()
print(sorted(str(x) for x in d.glob('*.py')), sorted(str(x) for x in d.glob('**/*.py')), sorted(str(x) for x in d.rglob('*.txt')))
print(sorted(str(x) for x in d.glob('*')), sorted(str(x) for x in d.glob('sub/*')))
(d / 'one.txt').rename(d / 'uno.txt')
print(sorted(x.name for x in d.iterdir()), Path('work/uno.txt').stat().st_size)
for name in ['uno.txt', 'two.py', 'sub/three.py']:
    (d / name).unlink()
(d / 'nothing').unlink(missing_ok=True)
(d / 'sub' / 'deep').rmdir(); (d / 'sub').rmdir(); d.rmdir()
print(d.exists(), Path.cwd() == Path('.').resolve(), Path('x').absolute().name)
# Wildcards match dot-files; a pattern ending in / matches folders only.
g = Path('globbing')
(g / 'sub').mkdir(parents=True)
for name in ['.dot.py', 'x.py', 'sub/y.py']:
    (g / name).write_text('')
print(sorted(str(p) for p in g.rglob('*.py')), sorted(str(p) for p in g.glob('*/')))
print(sorted(p.name for p in g.glob('*')), sorted(p.name for p in g.glob('?.py')))
