"""Facts about the machine and the interpreter (for krait on Linux).

The kernel's name, release, version, host name and machine come from
/proc/sys/kernel (krait has no os.uname); a value that cannot be read is
''. `python_implementation()` is the interpreter's own name ('krait').
Left out: libc detection (`libc_ver()` is ('', '')), processor names,
`freedesktop_os_release`; the macOS, Windows and Java queries answer with
their empty values.
"""

import collections
import sys

__all__ = ["architecture", "java_ver", "libc_ver", "mac_ver", "machine",
           "node", "platform", "processor", "python_branch", "python_build",
           "python_compiler", "python_implementation", "python_revision",
           "python_version", "python_version_tuple", "release", "system",
           "system_alias", "uname", "uname_result", "version", "win32_edition",
           "win32_is_iot", "win32_ver"]

# sys.implementation.name as CPython's platform module shows it.
_IMPLEMENTATION_NAMES = {'cpython': 'CPython', 'pypy': 'PyPy',
                         'ironpython': 'IronPython', 'jython': 'Jython'}


def _kernel(name):
    """A /proc/sys/kernel file's contents, or '' if unreadable."""
    try:
        with open('/proc/sys/kernel/' + name) as file:
            return file.read().strip()
    except OSError:
        return ''


_uname_result_base = collections.namedtuple(
    'uname_result_base', 'system node release version machine')


class uname_result(_uname_result_base):
    """(system, node, release, version, machine, processor); the processor
    is not part of the repr, as in CPython."""

    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:len(_uname_result_base._fields)]


_uname_cache = None


def uname():
    """The system's uname facts, as a named tuple."""
    global _uname_cache
    if _uname_cache is None:
        system = _kernel('ostype')
        if not system:
            system = 'Linux' if sys.platform.startswith('linux') else sys.platform
        _uname_cache = uname_result(system, _kernel('hostname'), _kernel('osrelease'),
                                    _kernel('version'), _kernel('arch'))
    return _uname_cache


def system():
    """The operating system's name: 'Linux'."""
    return uname().system


def node():
    """The machine's network name ('' if unknown)."""
    return uname().node


def release():
    """The kernel's release ('6.1.0-18-amd64'; '' if unknown)."""
    return uname().release


def version():
    """The kernel's build version ('' if unknown)."""
    return uname().version


def machine():
    """The machine type ('x86_64'; '' if unknown)."""
    return uname().machine


def processor():
    """The processor's name: '' (as CPython on Linux without `uname -p`)."""
    return ''


def architecture(executable=sys.executable, bits='', linkage=''):
    """(bits, linkage) of `executable`: bits from the pointer size,
    linkage 'ELF' for an ELF file, else `linkage`."""
    import struct
    if not bits:
        bits = '%dbit' % (struct.calcsize('P') * 8)
    try:
        with open(executable, 'rb') as file:
            if file.read(4) == b'\x7fELF':
                linkage = 'ELF'
    except (OSError, TypeError, ValueError):
        pass
    return bits, linkage


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """(library, version) of the C library: not detected, ('', '')."""
    return lib, version


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def system_alias(system, release, version):
    """(system, release, version) under their marketing names; Linux has
    none."""
    return system, release, version


def python_implementation():
    """The interpreter's name: 'krait' here ('CPython', 'PyPy'... for
    others)."""
    implementation = getattr(sys, 'implementation', None)
    name = getattr(implementation, 'name', 'krait')
    return _IMPLEMENTATION_NAMES.get(name, name)


def python_version():
    """'major.minor.micro' of the Python language implemented."""
    return '%d.%d.%d' % tuple(sys.version_info[:3])


def python_version_tuple():
    """(major, minor, micro), as strings."""
    return tuple(['%d' % part for part in sys.version_info[:3]])


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    """(build number, build date): not recorded by krait."""
    return '', ''


def python_compiler():
    """The compiler that built the interpreter: not recorded by krait."""
    return ''


def platform(aliased=False, terse=False):
    """One string naming the platform: 'Linux-<release>-<machine>'."""
    info = uname()
    # On Linux CPython ignores `terse` too, and adds '-with-<libc><version>',
    # which is not detected here.
    parts = (info.system, info.release, info.machine)
    text = '-'.join(part.strip() for part in parts if part)
    text = text.replace(' ', '_').replace('/', '-').replace('\\', '-')
    text = text.replace(':', '-').replace(';', '-').replace('"', '-')
    text = text.replace('(', '-').replace(')', '-').replace('unknown', '')
    while '--' in text:
        text = text.replace('--', '-')
    return text.rstrip('-')
