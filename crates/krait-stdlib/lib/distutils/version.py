"""Version numbers of software packages: StrictVersion for the
'N.N[.N][{a|b}N]' form, LooseVersion for anything at all."""

import re



class Version:
    """Base class: parses the string given (if any); the rich comparisons
    come from the subclass's `_cmp` (negative, zero, positive or
    NotImplemented)."""

    def __init__(self, vstring=None):
        if vstring:
            self.parse(vstring)

    def __repr__(self):
        return f"{type(self).__name__} ('{self}')"

    def __eq__(self, other):
        order = self._cmp(other)
        return order if order is NotImplemented else not order

    def __lt__(self, other):
        order = self._cmp(other)
        return order if order is NotImplemented else order < 0

    def __le__(self, other):
        order = self._cmp(other)
        return order if order is NotImplemented else order <= 0

    def __gt__(self, other):
        order = self._cmp(other)
        return order if order is NotImplemented else order > 0

    def __ge__(self, other):
        order = self._cmp(other)
        return order if order is NotImplemented else order >= 0


def _sign(a, b):
    return (a > b) - (a < b)


class StrictVersion(Version):
    """MAJOR.MINOR[.PATCH] with an optional 'aN' or 'bN' pre-release tag
    (which sorts before the plain release)."""

    # (Verbose: the spaces are not part of it.)
    version_re = re.compile(r'^(\d+) \. (\d+) (\. (\d+))? '
                            r'([ab](\d+))?$', re.ASCII | re.VERBOSE)

    def parse(self, vstring):
        found = self.version_re.match(vstring)
        if found is None:
            raise ValueError(f"invalid version number '{vstring}'")
        major, minor, _, patch, tag, tag_number = found.groups()
        self.version = (int(major), int(minor), int(patch or 0))
        self.prerelease = None if tag is None else (tag[0], int(tag_number))

    def __str__(self):
        major, minor, patch = self.version
        text = f"{major}.{minor}" if patch == 0 else f"{major}.{minor}.{patch}"
        if self.prerelease:
            letter, number = self.prerelease
            text = f"{text}{letter}{number}"
        return text

    def _cmp(self, other):
        if isinstance(other, str):
            other = StrictVersion(other)
        if not isinstance(other, StrictVersion):
            return NotImplemented
        first = _sign(self.version, other.version)
        if first:
            return first
        # Same release numbers: no pre-release tag wins.
        mine, theirs = self.prerelease, other.prerelease
        if mine == theirs:
            return 0
        if mine is None or not mine:
            return 1
        if theirs is None or not theirs:
            return -1
        return _sign(mine, theirs)


class LooseVersion(Version):
    """Any string: `version` lists its number runs (as ints) and the
    other runs (as strings), dots left out."""

    component_re = re.compile(r'(\d+ | [a-z]+ | \.)',
                              re.VERBOSE)

    def __init__(self, vstring=None):
        if vstring:
            self.parse(vstring)

    def parse(self, vstring):
        self.vstring = vstring
        pieces = []
        for piece in self.component_re.split(vstring):
            if piece and piece != '.':
                pieces.append(int(piece) if piece.isdecimal() else piece)
        self.version = pieces

    def __str__(self):
        return self.vstring

    def __repr__(self):
        return f"LooseVersion ('{self}')"

    def _cmp(self, other):
        if isinstance(other, str):
            other = LooseVersion(other)
        if not isinstance(other, LooseVersion):
            return NotImplemented
        mine, theirs = self.version, other.version
        if mine == theirs:
            return 0
        return -1 if mine < theirs else 1
