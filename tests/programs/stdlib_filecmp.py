# filecmp: cmp, cmpfiles and dircmp reports over a scratch tree.
import sys, os
import shutil, stat, io, contextlib
import filecmp

print(filecmp.__all__, filecmp.DEFAULT_IGNORES, filecmp.BUFSIZE)
import tempfile
HERE = tempfile.mkdtemp()
WORK = os.path.join(HERE, '_fc_work')
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
os.chdir(WORK)


def write(path, data, mtime=None):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


T = 1_600_000_000
big = bytes(range(256)) * 100           # > BUFSIZE
big2 = big[:-1] + b'\x00'
write('a/same.txt', b'hello\n', T)
write('b/same.txt', b'hello\n', T)
write('a/samecontent_diffmtime', b'xyz', T)
write('b/samecontent_diffmtime', b'xyz', T + 10)
write('a/diffcontent_samesig', b'abc', T)
write('b/diffcontent_samesig', b'abd', T)
write('a/diffcontent_sizes', b'abc', T)
write('b/diffcontent_sizes', b'abcd', T)
write('a/big', big, T)
write('b/big', big2, T + 1)
write('a/big_same', big, T)
write('b/big_same', big, T + 1)
write('a/empty', b'', T)
write('b/empty', b'', T + 5)
write('a/only_left.txt', b'l')
write('b/only_right.txt', b'r')
write('a/Zeta', b'z')
write('a/alpha', b'a')
write('b/beta', b'b')
write('a/sub/inner.txt', b'same', T)
write('b/sub/inner.txt', b'same', T)
write('a/sub/inner_diff.txt', b'one', T)
write('b/sub/inner_diff.txt', b'two', T + 1)
write('a/sub/deeper/x', b'1', T)
write('b/sub/deeper/x', b'2', T + 1)
write('a/sub/deeper/only_a', b'1')
write('a/mixed', b'file')
os.makedirs('b/mixed')
write('a/CVS/entries', b'x')
write('b/CVS/entries', b'y')
write('a/.git/HEAD', b'x')
write('a/__pycache__/m.pyc', b'x')
write('b/tags', b'x')
write('a/.hidden', b'h')
write('b/.hidden', b'h2')
os.makedirs('a/emptydir')
os.makedirs('b/emptydir')
os.symlink('does_not_exist', 'a/broken')
os.symlink('does_not_exist', 'b/broken')
os.symlink('same.txt', 'a/link')
write('b/link', b'hello\n', T)
# (no FIFOs: krait has no os.mkfifo yet)

print('--- cmp')
pairs = ['same.txt', 'samecontent_diffmtime', 'diffcontent_samesig', 'diffcontent_sizes', 'big', 'big_same',
         'empty', 'sub', 'link', 'emptydir']
for name in pairs:
    a, b = os.path.join('a', name), os.path.join('b', name)
    print(name, filecmp.cmp(a, b), filecmp.cmp(a, b, shallow=False), filecmp.cmp(a, b, False))
print(filecmp.cmp('a/same.txt', 'a/same.txt'), filecmp.cmp('a/same.txt', 'a/link'))
for a, b in [('a/nope', 'b/nope'), ('a/broken', 'b/broken'), ('a/same.txt', 'b/nope')]:
    try:
        filecmp.cmp(a, b)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename)
try:
    filecmp.cmp(None, 'a')
except TypeError as e:
    print('TypeError', e)

print('--- cache')
filecmp.clear_cache()
print(len(filecmp._cache))
filecmp.cmp('a/diffcontent_samesig', 'b/diffcontent_samesig', shallow=False)
filecmp.cmp('a/samecontent_diffmtime', 'b/samecontent_diffmtime')
filecmp.cmp('a/same.txt', 'b/same.txt')
print(len(filecmp._cache), sorted(k[:2] for k in filecmp._cache))
print(sorted(filecmp._cache.values()))
filecmp.clear_cache()
print(len(filecmp._cache))

print('--- cmpfiles')
common = ['same.txt', 'samecontent_diffmtime', 'diffcontent_samesig', 'big', 'big_same', 'missing', 'sub', 'broken', 'link']
print(filecmp.cmpfiles('a', 'b', common))
print(filecmp.cmpfiles('a', 'b', common, shallow=False))
print(filecmp.cmpfiles('a', 'b', []))
print(filecmp.cmpfiles('a', 'b', iter(['same.txt'])))

print('--- dircmp')
d = filecmp.dircmp('a', 'b')
print(d.left, d.right, d.hide, d.ignore is filecmp.DEFAULT_IGNORES)
print('left_list', d.left_list)
print('right_list', d.right_list)
print('common', d.common)
print('left_only', d.left_only)
print('right_only', d.right_only)
print('common_dirs', d.common_dirs)
print('common_files', d.common_files)
print('common_funny', d.common_funny)
print('same_files', d.same_files)
print('diff_files', d.diff_files)
print('funny_files', d.funny_files)
print('subdirs', sorted(d.subdirs), [type(v).__name__ for v in d.subdirs.values()])
sub = d.subdirs['sub']
print(sub.left, sub.right, sub.same_files, sub.diff_files, sub.left_only, sub.common_dirs)
print(sorted(sub.subdirs['deeper'].__dict__))
for attr in ['nosuch', '__len__']:
    try:
        getattr(d, attr)
    except AttributeError as e:
        print('AttributeError', repr(str(e)))
print(sorted(filecmp.dircmp.methodmap))
print(filecmp.dircmp[str], type(filecmp.dircmp[int]).__name__)

print('--- reports')
d = filecmp.dircmp('a', 'b')
d.report()
print('---- partial')
filecmp.dircmp('a', 'b').report_partial_closure()
print('---- full')
filecmp.dircmp('a', 'b').report_full_closure()
print('---- custom ignore/hide')
d = filecmp.dircmp('a', 'b', ignore=['sub'], hide=['.hidden'])
print(d.left_list, d.right_list)
d.report_full_closure()
d = filecmp.dircmp('a', 'b', ignore=[], hide=[])
print(d.common, d.left_only, d.right_only)
d = filecmp.dircmp('a/emptydir', 'b/emptydir')
d.report_full_closure()
print(d.common, d.subdirs)
d = filecmp.dircmp('a', 'nonexistent')
print(d.left, d.right)
try:
    d.left_only
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
d = filecmp.dircmp('a/same.txt', 'b')
try:
    d.common
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)


class MyCmp(filecmp.dircmp):
    pass


m = MyCmp('a', 'b')
print(type(m.subdirs['sub']).__name__, type(m.subdirs['sub'].subdirs['deeper']).__name__)
m.phase4_closure()
print(sorted(m.subdirs['sub'].subdirs['deeper'].__dict__))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    filecmp.dircmp('a', 'b').report()
print(len(buf.getvalue().splitlines()))

os.chdir(HERE)
shutil.rmtree(WORK)
print('done')
