"""File name / URL to MIME type guessing for krait.

guess_type, guess_extension, guess_all_extensions, add_type, init and
read_mime_types over the tables suffix_map, encodings_map, types_map and
common_types.  "strict" means the IANA-registered types; strict=False also
consults the common but unregistered ones.
"""

import os
import posixpath
import re
import sys

__all__ = """knownfiles inited MimeTypes guess_type guess_all_extensions
    guess_extension add_type init read_mime_types suffix_map encodings_map
    types_map common_types""".split()

# mime.types files read by init(), when present.
knownfiles = ['/etc/mime.types'] + [
    folder + '/mime.types' for folder in (
        '/etc/httpd', '/etc/httpd/conf', '/etc/apache', '/etc/apache2',
        '/usr/local/etc/httpd/conf', '/usr/local/lib/netscape',
        '/usr/local/etc/httpd/conf', '/usr/local/etc')]

inited = False
_db = None

try:
    import winreg as _winreg
except ImportError:
    _winreg = None


# 'scheme:rest', the scheme free of '/' and ':' (str input only, as the
# regular expression insists).
_SCHEME = re.compile(r'([^/:]+):(.*)', re.DOTALL)


def _split_scheme(url):
    found = _SCHEME.match(url)
    if found is None:
        return None, url
    return found.group(1).lower(), found.group(2)


def _data_url_type(rest):
    # data:[<mediatype>][;base64],<data>
    comma = rest.find(',')
    if comma < 0:
        return None, None
    semi = rest.find(';', 0, comma)
    media = rest[:semi if semi >= 0 else comma]
    if '/' not in media or '=' in media:
        media = 'text/plain'
    return media, None


class MimeTypes:
    """Extension <-> MIME type tables, starting from the built-in ones;
    more can be read from mime.types style files."""

    def __init__(self, filenames=(), strict=True):
        if not inited:
            init()
        self.encodings_map = dict(_encodings_map_default)
        self.suffix_map = dict(_suffix_map_default)
        # Index 1 (True) holds the strict tables, 0 the lenient ones.
        self.types_map = {}, {}
        self.types_map_inv = {}, {}
        for flag, table in ((True, _types_map_default),
                            (False, _common_types_default)):
            for suffix, mime in table.items():
                self.add_type(mime, suffix, flag)
        for name in filenames:
            self.read(name, strict)

    def add_type(self, type, ext, strict=True):
        """Map extension `ext` (leading dot included) to `type`,
        replacing any earlier mapping of `ext`."""
        self.types_map[strict][ext] = type
        listed = self.types_map_inv[strict].get(type)
        if listed is None:
            self.types_map_inv[strict][type] = [ext]
        elif ext not in listed:
            listed.append(ext)

    def guess_type(self, url, strict=True):
        """(type, encoding) guessed from a URL or path; either may be
        None.  The encoding names a compression program such as 'gzip'
        (a Content-Encoding), not a character set."""
        scheme, path = _split_scheme(os.fspath(url))
        if scheme == 'data':
            return _data_url_type(path)
        split = posixpath.splitext
        stem, suffix = split(path)
        aliases = self.suffix_map
        while suffix.lower() in aliases:
            stem, suffix = split(stem + aliases[suffix.lower()])
        encoding = self.encodings_map.get(suffix)
        if encoding is not None or suffix in self.encodings_map:
            stem, suffix = split(stem)
        suffix = suffix.lower()
        strict_table = self.types_map[True]
        if suffix in strict_table:
            return strict_table[suffix], encoding
        if strict:
            return None, encoding
        return self.types_map[False].get(suffix), encoding

    def guess_all_extensions(self, type, strict=True):
        """Every known extension (with its dot) for MIME `type`."""
        wanted = type.lower()
        found = list(self.types_map_inv[True].get(wanted, ()))
        if not strict:
            found += [e for e in self.types_map_inv[False].get(wanted, ())
                      if e not in found]
        return found

    def guess_extension(self, type, strict=True):
        """The first known extension for MIME `type`, or None."""
        options = self.guess_all_extensions(type, strict)
        return options[0] if options else None

    def read(self, filename, strict=True):
        """Load a mime.types style file."""
        with open(filename, encoding='utf-8') as handle:
            self.readfp(handle, strict)

    def readfp(self, fp, strict=True):
        """Load mime.types lines ('type ext ext ...', '#' comments) from
        an open file."""
        for line in iter(fp.readline, ''):
            words = line.split()
            for at, word in enumerate(words):
                if word.startswith('#'):
                    words = words[:at]
                    break
            if words:
                mime = words[0]
                for suffix in words[1:]:
                    self.add_type(mime, '.' + suffix, strict)

    def read_windows_registry(self, strict=True):
        """Load types registered in the Windows registry (no-op
        elsewhere)."""
        if _winreg is None:
            return
        self._read_windows_registry(
            lambda mime, suffix: self.add_type(mime, suffix, strict))

    @classmethod
    def _read_windows_registry(cls, add_type):
        reg = _winreg
        with reg.OpenKey(reg.HKEY_CLASSES_ROOT, '') as root:
            index = 0
            while True:
                try:
                    name = reg.EnumKey(root, index)
                except OSError:
                    break
                index += 1
                if '\0' in name or not name.startswith('.'):
                    continue
                try:
                    with reg.OpenKey(root, name) as key:
                        mime, kind = reg.QueryValueEx(key, 'Content Type')
                except OSError:
                    continue
                if kind == reg.REG_SZ:
                    add_type(mime, name)


def _database():
    if _db is None:
        init()
    return _db


def guess_type(url, strict=True):
    """(type, encoding) for a URL or file name (MimeTypes.guess_type)."""
    return _database().guess_type(url, strict)


def guess_all_extensions(type, strict=True):
    """All known extensions for a MIME type."""
    return _database().guess_all_extensions(type, strict)


def guess_extension(type, strict=True):
    """One extension for a MIME type, or None."""
    return _database().guess_extension(type, strict)


def add_type(type, ext, strict=True):
    """Register extension `ext` for MIME `type`."""
    return _database().add_type(type, ext, strict)


def init(files=None):
    """Build (or extend) the module database from the built-in tables,
    the existing `knownfiles` and `files`.  Given files on an existing
    database are read into it; otherwise a fresh one is made."""
    global inited, _db
    global suffix_map, types_map, encodings_map, common_types
    inited = True       # MimeTypes() below must not re-enter init()
    if files is not None and _db is not None:
        target, sources = _db, files
    else:
        target = MimeTypes()
        target.read_windows_registry()
        sources = knownfiles if files is None else knownfiles + list(files)
    for path in sources:
        if os.path.isfile(path):
            target.read(path)
    encodings_map, suffix_map = target.encodings_map, target.suffix_map
    types_map, common_types = target.types_map[True], target.types_map[False]
    _db = target


def read_mime_types(file):
    """The extension -> type dict of a mime.types file (None if it
    cannot be opened)."""
    try:
        handle = open(file, encoding='utf-8')
    except OSError:
        return None
    with handle:
        scratch = MimeTypes()
        scratch.readfp(handle, True)
        return scratch.types_map[True]


# ---------------------------------------------------------------------------
# Built-in tables

_SUFFIXES = {
    '.svgz': '.svg.gz',
    '.tgz': '.tar.gz',
    '.taz': '.tar.gz',
    '.tz': '.tar.gz',
    '.tbz2': '.tar.bz2',
    '.txz': '.tar.xz',
}

_ENCODINGS = {
    '.gz': 'gzip',
    '.Z': 'compress',
    '.bz2': 'bzip2',
    '.xz': 'xz',
    '.br': 'br',
}

_STRICT_TYPES_TABLE = (
    ('application/javascript', 'js mjs'),
    ('application/json', 'json'),
    ('application/manifest+json', 'webmanifest'),
    ('application/msword', 'doc dot wiz'),
    ('application/n-quads', 'nq'),
    ('application/n-triples', 'nt'),
    ('application/octet-stream', 'bin a dll exe o obj so'),
    ('application/oda', 'oda'),
    ('application/pdf', 'pdf'),
    ('application/pkcs7-mime', 'p7c'),
    ('application/postscript', 'ps ai eps'),
    ('application/trig', 'trig'),
    ('application/vnd.apple.mpegurl', 'm3u m3u8'),
    ('application/vnd.ms-excel', 'xls xlb'),
    ('application/vnd.ms-powerpoint', 'ppt pot ppa pps pwz'),
    ('application/wasm', 'wasm'),
    ('application/x-bcpio', 'bcpio'),
    ('application/x-cpio', 'cpio'),
    ('application/x-csh', 'csh'),
    ('application/x-dvi', 'dvi'),
    ('application/x-gtar', 'gtar'),
    ('application/x-hdf', 'hdf'),
    ('application/x-hdf5', 'h5'),
    ('application/x-latex', 'latex'),
    ('application/x-mif', 'mif'),
    ('application/x-netcdf', 'cdf nc'),
    ('application/x-pkcs12', 'p12 pfx'),
    ('application/x-pn-realaudio', 'ram'),
    ('application/x-python-code', 'pyc pyo'),
    ('application/x-sh', 'sh'),
    ('application/x-shar', 'shar'),
    ('application/x-shockwave-flash', 'swf'),
    ('application/x-sv4cpio', 'sv4cpio'),
    ('application/x-sv4crc', 'sv4crc'),
    ('application/x-tar', 'tar'),
    ('application/x-tcl', 'tcl'),
    ('application/x-tex', 'tex'),
    ('application/x-texinfo', 'texi texinfo'),
    ('application/x-troff', 'roff t tr'),
    ('application/x-troff-man', 'man'),
    ('application/x-troff-me', 'me'),
    ('application/x-troff-ms', 'ms'),
    ('application/x-ustar', 'ustar'),
    ('application/x-wais-source', 'src'),
    ('application/xml', 'xsl rdf wsdl xpdl'),
    ('application/zip', 'zip'),
    ('audio/3gpp', '3gp 3gpp'),
    ('audio/3gpp2', '3g2 3gpp2'),
    ('audio/aac', 'aac adts loas ass'),
    ('audio/basic', 'au snd'),
    ('audio/mpeg', 'mp3 mp2'),
    ('audio/opus', 'opus'),
    ('audio/x-aiff', 'aif aifc aiff'),
    ('audio/x-pn-realaudio', 'ra'),
    ('audio/x-wav', 'wav'),
    ('image/avif', 'avif'),
    ('image/bmp', 'bmp'),
    ('image/gif', 'gif'),
    ('image/ief', 'ief'),
    ('image/jpeg', 'jpg jpe jpeg'),
    ('image/heic', 'heic'),
    ('image/heif', 'heif'),
    ('image/png', 'png'),
    ('image/svg+xml', 'svg'),
    ('image/tiff', 'tiff tif'),
    ('image/vnd.microsoft.icon', 'ico'),
    ('image/x-cmu-raster', 'ras'),
    ('image/x-portable-anymap', 'pnm'),
    ('image/x-portable-bitmap', 'pbm'),
    ('image/x-portable-graymap', 'pgm'),
    ('image/x-portable-pixmap', 'ppm'),
    ('image/x-rgb', 'rgb'),
    ('image/x-xbitmap', 'xbm'),
    ('image/x-xpixmap', 'xpm'),
    ('image/x-xwindowdump', 'xwd'),
    ('message/rfc822', 'eml mht mhtml nws'),
    ('text/css', 'css'),
    ('text/csv', 'csv'),
    ('text/html', 'html htm'),
    ('text/n3', 'n3'),
    ('text/plain', 'txt bat c h ksh pl srt'),
    ('text/richtext', 'rtx'),
    ('text/tab-separated-values', 'tsv'),
    ('text/vtt', 'vtt'),
    ('text/x-python', 'py'),
    ('text/x-setext', 'etx'),
    ('text/x-sgml', 'sgm sgml'),
    ('text/x-vcard', 'vcf'),
    ('text/xml', 'xml'),
    ('video/mp4', 'mp4'),
    ('video/mpeg', 'mpeg m1v mpa mpe mpg'),
    ('video/quicktime', 'mov qt'),
    ('video/webm', 'webm'),
    ('video/x-msvideo', 'avi'),
    ('video/x-sgi-movie', 'movie'),
)

# Types in wide use that are not registered (consulted with strict=False).
_LOOSE_TYPES_TABLE = (
    ('application/rtf', 'rtf'),
    ('audio/midi', 'midi mid'),
    ('image/jpg', 'jpg'),
    ('image/pict', 'pict pct pic'),
    ('image/webp', 'webp'),
    ('text/xul', 'xul'),
)


def _table_to_map(table):
    return {'.' + suffix: mime
            for mime, suffixes in table for suffix in suffixes.split()}


def _default_mime_types():
    global suffix_map, encodings_map, types_map, common_types
    global _suffix_map_default, _encodings_map_default
    global _types_map_default, _common_types_default
    _suffix_map_default = dict(_SUFFIXES)
    _encodings_map_default = dict(_ENCODINGS)
    _types_map_default = _table_to_map(_STRICT_TYPES_TABLE)
    _common_types_default = _table_to_map(_LOOSE_TYPES_TABLE)
    suffix_map = _suffix_map_default
    encodings_map = _encodings_map_default
    types_map = _types_map_default
    common_types = _common_types_default


_default_mime_types()

_USAGE = """Usage: mimetypes.py [options] type

Options:
    --help / -h       -- print this message and exit
    --lenient / -l    -- additionally search of some common, but non-standard
                         types.
    --extension / -e  -- guess extension instead of type

More than one type argument may be given.
"""


def _main():
    import getopt

    def leave(status, note=''):
        print(_USAGE)
        if note:
            print(note)
        sys.exit(status)

    try:
        chosen, names = getopt.getopt(
            sys.argv[1:], 'hle', 'help lenient extension'.split())
    except getopt.error as problem:
        leave(1, problem)
    strict, want_extension = 1, 0
    for flag, _ in chosen:
        if flag in ('-h', '--help'):
            leave(0)
        if flag in ('-l', '--lenient'):
            strict = 0
        if flag in ('-e', '--extension'):
            want_extension = 1
    for name in names:
        if want_extension:
            answer = guess_extension(name, strict)
        else:
            answer, encoding = guess_type(name, strict)
        if not answer:
            print("I don't know anything about type", name)
        elif want_extension:
            print(answer)
        else:
            print('type:', answer, 'encoding:', encoding)


if __name__ == '__main__':
    _main()
