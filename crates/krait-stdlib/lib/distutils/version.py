"""Version numbers of software packages, parsed and compared (CPython
3.11's `distutils.version`).

StrictVersion takes only 'N.N', 'N.N.N', optionally followed by 'aN' or
'bN' (a pre-release, which sorts before the release); LooseVersion takes
anything, splitting it into numbers and letter runs compared as lists.
Either compares with another of its class or with a string it can parse.
"""

import re

__all__ = ["Version", "StrictVersion", "LooseVersion"]


class Version:
    """The common part: parses `vstring` when given, and derives the
    comparisons from the subclass's `_cmp` (-1, 0, 1 or NotImplemented)."""

    def __init__(self, vstring=None):
        if vstring:
            self.parse(vstring)

    def __repr__(self):
        return "%s ('%s')" % (self.__class__.__name__, str(self))

    def __eq__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c >= 0


class StrictVersion(Version):
    """A version 'MAJOR.MINOR[.PATCH][{a|b}N]': `version` is the tuple
    (MAJOR, MINOR, PATCH) (PATCH 0 when left out), `prerelease` None or
    ('a' or 'b', N). ValueError for anything else."""

    version_re = re.compile(r"^(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$", re.ASCII)

    def parse(self, vstring):
        match = self.version_re.match(vstring)
        if not match:
            raise ValueError("invalid version number '%s'" % vstring)
        major, minor, patch, pre, pre_number = match.group(1, 2, 4, 5, 6)
        self.version = (int(major), int(minor), int(patch) if patch else 0)
        self.prerelease = (pre[0], int(pre_number)) if pre else None

    def __str__(self):
        # A zero patch level is left out, as it was when parsed.
        shown = self.version if self.version[2] else self.version[:2]
        text = ".".join(map(str, shown))
        if self.prerelease:
            text += self.prerelease[0] + str(self.prerelease[1])
        return text

    def _cmp(self, other):
        if isinstance(other, str):
            other = StrictVersion(other)
        elif not isinstance(other, StrictVersion):
            return NotImplemented
        if self.version != other.version:
            return -1 if self.version < other.version else 1
        # The same release: a pre-release comes before it.
        mine, theirs = self.prerelease, other.prerelease
        if mine == theirs:
            return 0
        if not mine:
            return 1
        if not theirs:
            return -1
        return -1 if mine < theirs else 1


class LooseVersion(Version):
    """Any version string: `version` is the list of its parts, numbers
    as ints and runs of lowercase letters (and anything else between
    them) as strings, dots dropped. Lists are compared item by item, so
    comparing a number with a letter part raises TypeError."""

    component_re = re.compile(r"(\d+|[a-z]+|\.)")

    def __init__(self, vstring=None):
        if vstring:
            self.parse(vstring)

    def parse(self, vstring):
        self.vstring = vstring
        parts = []
        for part in self.component_re.split(vstring):
            if not part or part == ".":
                continue
            try:
                part = int(part)
            except ValueError:
                pass
            parts.append(part)
        self.version = parts

    def __str__(self):
        return self.vstring

    def __repr__(self):
        return "LooseVersion ('%s')" % str(self)

    def _cmp(self, other):
        if isinstance(other, str):
            other = LooseVersion(other)
        elif not isinstance(other, LooseVersion):
            return NotImplemented
        if self.version == other.version:
            return 0
        if self.version < other.version:
            return -1
        if self.version > other.version:
            return 1
