"""File and directory comparison for krait: cmp(), cmpfiles(),
clear_cache() and the lazily computed dircmp class."""

import os
import stat

__all__ = ['clear_cache', 'cmp', 'dircmp', 'cmpfiles', 'DEFAULT_IGNORES']

BUFSIZE = 8 * 1024

DEFAULT_IGNORES = ('RCS CVS tags .git .hg .bzr _darcs __pycache__').split()

# (f1, f2, signature1, signature2) -> whether the contents were equal.
_cache = {}
_CACHE_LIMIT = 100


def clear_cache():
    """Drop every remembered content comparison."""
    _cache.clear()


def _sig(path):
    info = os.stat(path)
    return stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime


def _bytes_equal(first, second):
    with open(first, 'rb') as one, open(second, 'rb') as two:
        chunk = BUFSIZE
        while True:
            left = one.read(chunk)
            if left != two.read(chunk):
                return False
            if not left:
                return True


def cmp(f1, f2, shallow=True):
    """Whether files f1 and f2 look the same.

    shallow: equal (type, size, mtime) signatures count as equal without
    reading.  Non-regular files never compare equal.  Content results
    are cached per signature pair.
    """
    one, two = _sig(f1), _sig(f2)
    if not (one[0] == two[0] == stat.S_IFREG):
        return False
    if shallow and one == two:
        return True
    if one[1] != two[1]:
        return False
    key = f1, f2, one, two
    known = _cache.get(key)
    if known is None:
        known = _bytes_equal(f1, f2)
        if len(_cache) > _CACHE_LIMIT:
            _cache.clear()
        _cache[key] = known
    return known


def _visible(names, unwanted):
    return [n for n in names if n not in unwanted]


def _generic_alias(cls, item):
    import types
    return types.GenericAlias(cls, item)


class dircmp:
    """Compare two directories; attributes are worked out on first use.

    dircmp(a, b, ignore=None, hide=None): `ignore` defaults to
    DEFAULT_IGNORES, `hide` to [os.curdir, os.pardir].

    left_list/right_list, common, left_only/right_only, common_dirs,
    common_files, common_funny, same_files, diff_files, funny_files and
    subdirs (name -> dircmp) are available, plus report(),
    report_partial_closure() and report_full_closure().
    """

    def __init__(self, a, b, ignore=None, hide=None):
        self.left, self.right = a, b
        self.hide = [os.curdir, os.pardir] if hide is None else hide
        self.ignore = DEFAULT_IGNORES if ignore is None else ignore

    def phase0(self):
        unwanted = self.hide + self.ignore
        self.left_list = sorted(_visible(os.listdir(self.left), unwanted))
        self.right_list = sorted(_visible(os.listdir(self.right), unwanted))

    def phase1(self):
        norm = os.path.normcase
        lefts = {norm(n): n for n in self.left_list}
        rights = {norm(n): n for n in self.right_list}
        self.common = [lefts[k] for k in lefts if k in rights]
        self.left_only = [lefts[k] for k in lefts if k not in rights]
        self.right_only = [rights[k] for k in rights if k not in lefts]

    def _kind(self, name):
        try:
            one = os.stat(os.path.join(self.left, name)).st_mode
            two = os.stat(os.path.join(self.right, name)).st_mode
        except OSError:
            return None
        one, two = stat.S_IFMT(one), stat.S_IFMT(two)
        if one != two:
            return None
        if stat.S_ISDIR(one):
            return 'dir'
        if stat.S_ISREG(one):
            return 'file'
        return None

    def phase2(self):
        buckets = {'dir': [], 'file': [], None: []}
        for name in self.common:
            buckets[self._kind(name)].append(name)
        self.common_dirs = buckets['dir']
        self.common_files = buckets['file']
        self.common_funny = buckets[None]

    def phase3(self):
        outcome = cmpfiles(self.left, self.right, self.common_files)
        self.same_files, self.diff_files, self.funny_files = outcome

    def phase4(self):
        make = self.__class__
        self.subdirs = {
            name: make(os.path.join(self.left, name),
                       os.path.join(self.right, name),
                       self.ignore, self.hide)
            for name in self.common_dirs}

    def phase4_closure(self):
        self.phase4()
        for child in self.subdirs.values():
            child.phase4_closure()

    def report(self):
        print('diff', self.left, self.right)
        for attr, label in (('left_only', None), ('right_only', None),
                            ('same_files', 'Identical files'),
                            ('diff_files', 'Differing files'),
                            ('funny_files', 'Trouble with common files'),
                            ('common_dirs', 'Common subdirectories'),
                            ('common_funny', 'Common funny cases')):
            names = getattr(self, attr)
            if not names:
                continue
            names.sort()
            if label is None:
                where = self.left if attr == 'left_only' else self.right
                print('Only in', where, ':', names)
            else:
                print(label, ':', names)

    def report_partial_closure(self):
        self.report()
        for child in self.subdirs.values():
            print()
            child.report()

    def report_full_closure(self):
        self.report()
        for child in self.subdirs.values():
            print()
            child.report_full_closure()

    methodmap = {}
    for _phase, _names in ((phase0, 'left_list right_list'),
                           (phase1, 'common left_only right_only'),
                           (phase2, 'common_dirs common_files common_funny'),
                           (phase3, 'same_files diff_files funny_files'),
                           (phase4, 'subdirs')):
        for _name in _names.split():
            methodmap[_name] = _phase
    del _phase, _names, _name

    def __getattr__(self, attr):
        compute = self.methodmap.get(attr)
        if compute is None:
            raise AttributeError(attr)
        compute(self)
        return getattr(self, attr)

    __class_getitem__ = classmethod(_generic_alias)


def cmpfiles(a, b, common, shallow=True):
    """Compare the files named in `common` inside directories a and b:
    (equal names, differing names, names that could not be compared)."""
    equal, different, trouble = [], [], []
    for name in common:
        try:
            same = cmp(os.path.join(a, name), os.path.join(b, name), shallow)
        except OSError:
            trouble.append(name)
            continue
        (equal if same else different).append(name)
    return equal, different, trouble


def demo():
    import sys
    import getopt
    flags, operands = getopt.getopt(sys.argv[1:], 'r')
    if len(operands) != 2:
        raise getopt.GetoptError('need exactly two args', None)
    comparison = dircmp(*operands)
    if ('-r', '') in flags:
        comparison.report_full_closure()
    else:
        comparison.report()


if __name__ == '__main__':
    demo()
