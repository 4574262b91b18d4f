"""Guess the MIME type of a file from its name or URL.

Functions:
  guess_type(url, strict=True) -> (type, encoding)
  guess_extension(type, strict=True) -> extension or None
  guess_all_extensions(type, strict=True) -> list of extensions
  add_type(type, ext, strict=True) -> None
  init([files]) -> None; (re)initialize the module tables
  read_mime_types(file) -> dict of extension -> type, or None

Tables: suffix_map, encodings_map, types_map, common_types.
"strict" types are the ones registered with IANA; with strict=False the
commonly used but non-standard ones in common_types are also consulted.
"""

import os
import posixpath
import re
import sys

__all__ = [
    "knownfiles", "inited", "MimeTypes",
    "guess_type", "guess_all_extensions", "guess_extension",
    "add_type", "init", "read_mime_types",
    "suffix_map", "encodings_map", "types_map", "common_types"
]

knownfiles = [
    "/etc/mime.types",
    "/etc/httpd/mime.types",                    # Mac OS X
    "/etc/httpd/conf/mime.types",               # Apache
    "/etc/apache/mime.types",                   # Apache 1
    "/etc/apache2/mime.types",                  # Apache 2
    "/usr/local/etc/httpd/conf/mime.types",
    "/usr/local/lib/netscape/mime.types",
    "/usr/local/etc/httpd/conf/mime.types",     # Apache 1.2
    "/usr/local/etc/mime.types",                # Apache 1.3
]

inited = False
_db = None

try:
    import winreg as _winreg
except ImportError:
    _winreg = None

_scheme_re = re.compile(r'([^/:]+):(.*)', re.DOTALL)


def _split_scheme(url):
    m = _scheme_re.match(url)
    if m:
        return m.group(1).lower(), m.group(2)
    return None, url


class MimeTypes:
    """A MIME-types data store: maps between file extensions and types.

    Instances start from the built-in tables and may read further
    mime.types style files.
    """

    def __init__(self, filenames=(), strict=True):
        if not inited:
            init()
        self.encodings_map = _encodings_map_default.copy()
        self.suffix_map = _suffix_map_default.copy()
        self.types_map = ({}, {})       # (non-strict, strict)
        self.types_map_inv = ({}, {})
        for ext, type in _types_map_default.items():
            self.add_type(type, ext, True)
        for ext, type in _common_types_default.items():
            self.add_type(type, ext, False)
        for name in filenames:
            self.read(name, strict)

    def add_type(self, type, ext, strict=True):
        """Map extension *ext* (with its leading dot) to MIME *type*.

        An existing mapping for the extension is replaced.  strict=True adds
        to the standard types, False to the non-standard ones.
        """
        self.types_map[strict][ext] = type
        known = self.types_map_inv[strict].setdefault(type, [])
        if ext not in known:
            known.append(ext)

    def guess_type(self, url, strict=True):
        """Guess the type of a file from its URL or path.

        Returns (type, encoding); either may be None.  The encoding is the
        name of the compression program (e.g. 'gzip'), for use as a
        Content-Encoding header, not a character set.
        """
        url = os.fspath(url)
        scheme, url = _split_scheme(url)
        if scheme == 'data':
            # data:[<mediatype>][;base64],<data>
            comma = url.find(',')
            if comma < 0:
                return None, None
            semi = url.find(';', 0, comma)
            mediatype = url[:semi] if semi >= 0 else url[:comma]
            if '=' in mediatype or '/' not in mediatype:
                mediatype = 'text/plain'
            return mediatype, None
        base, ext = posixpath.splitext(url)
        while True:
            lowered = ext.lower()
            if lowered not in self.suffix_map:
                break
            base, ext = posixpath.splitext(base + self.suffix_map[lowered])
        if ext in self.encodings_map:
            encoding = self.encodings_map[ext]
            base, ext = posixpath.splitext(base)
        else:
            encoding = None
        ext = ext.lower()
        found = self.types_map[True].get(ext)
        if found is not None:
            return found, encoding
        if strict:
            return None, encoding
        return self.types_map[False].get(ext), encoding

    def guess_all_extensions(self, type, strict=True):
        """Return the known extensions (with leading dots) for MIME *type*."""
        type = type.lower()
        result = list(self.types_map_inv[True].get(type, []))
        if not strict:
            for ext in self.types_map_inv[False].get(type, []):
                if ext not in result:
                    result.append(ext)
        return result

    def guess_extension(self, type, strict=True):
        """Return one extension for MIME *type*, or None if none is known."""
        extensions = self.guess_all_extensions(type, strict)
        if not extensions:
            return None
        return extensions[0]

    def read(self, filename, strict=True):
        """Read a mime.types format file."""
        with open(filename, encoding='utf-8') as fp:
            self.readfp(fp, strict)

    def readfp(self, fp, strict=True):
        """Read mime.types format data from an open file.

        Each line is a type followed by its extensions (without dots);
        '#' starts a comment.
        """
        while True:
            line = fp.readline()
            if not line:
                break
            words = line.split()
            for i, word in enumerate(words):
                if word[0] == '#':
                    del words[i:]
                    break
            if not words:
                continue
            type = words[0]
            for suffix in words[1:]:
                self.add_type(type, '.' + suffix, strict)

    def read_windows_registry(self, strict=True):
        """Load the MIME types registered in the Windows registry.

        Does nothing on other platforms.
        """
        if _winreg is None:
            return
        add = self.add_type

        def add_entry(type, ext):
            add(type, ext, strict)

        self._read_windows_registry(add_entry)

    @classmethod
    def _read_windows_registry(cls, add_type):
        def subkeys(key):
            i = 0
            while True:
                try:
                    name = _winreg.EnumKey(key, i)
                except OSError:
                    break
                if '\0' not in name:
                    yield name
                i += 1

        with _winreg.OpenKey(_winreg.HKEY_CLASSES_ROOT, '') as root:
            for subkeyname in subkeys(root):
                if not subkeyname.startswith('.'):
                    continue
                try:
                    with _winreg.OpenKey(root, subkeyname) as subkey:
                        mimetype, datatype = _winreg.QueryValueEx(
                            subkey, 'Content Type')
                        if datatype != _winreg.REG_SZ:
                            continue
                        add_type(mimetype, subkeyname)
                except OSError:
                    continue


def guess_type(url, strict=True):
    """Guess (type, encoding) for a URL or file name; see
    MimeTypes.guess_type()."""
    if _db is None:
        init()
    return _db.guess_type(url, strict)


def guess_all_extensions(type, strict=True):
    """Return all the known extensions for a MIME type."""
    if _db is None:
        init()
    return _db.guess_all_extensions(type, strict)


def guess_extension(type, strict=True):
    """Return an extension for a MIME type, or None."""
    if _db is None:
        init()
    return _db.guess_extension(type, strict)


def add_type(type, ext, strict=True):
    """Add a mapping from extension *ext* to MIME *type*."""
    if _db is None:
        init()
    return _db.add_type(type, ext, strict)


def init(files=None):
    """(Re)build the module's database.

    Reads the files in knownfiles that exist (plus *files*, if given).
    When *files* is given and the module was initialized before, only
    those files are read into the existing database.
    """
    global suffix_map, types_map, encodings_map, common_types
    global inited, _db
    inited = True       # MimeTypes() below must not call init() again

    if files is None or _db is None:
        db = MimeTypes()
        db.read_windows_registry()
        if files is None:
            files = knownfiles
        else:
            files = knownfiles + list(files)
    else:
        db = _db

    for name in files:
        if os.path.isfile(name):
            db.read(name)
    encodings_map = db.encodings_map
    suffix_map = db.suffix_map
    types_map = db.types_map[True]
    common_types = db.types_map[False]
    _db = db


def read_mime_types(file):
    """Read a mime.types file; return its extension -> type dict, or None
    if it cannot be opened."""
    try:
        f = open(file, encoding='utf-8')
    except OSError:
        return None
    with f:
        db = MimeTypes()
        db.readfp(f, True)
        return db.types_map[True]


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
    result = {}
    for type, extensions in table:
        for ext in extensions.split():
            result['.' + ext] = type
    return result


def _default_mime_types():
    global suffix_map, _suffix_map_default
    global encodings_map, _encodings_map_default
    global types_map, _types_map_default
    global common_types, _common_types_default

    suffix_map = _suffix_map_default = dict(_SUFFIXES)
    encodings_map = _encodings_map_default = dict(_ENCODINGS)
    types_map = _types_map_default = _table_to_map(_STRICT_TYPES_TABLE)
    common_types = _common_types_default = _table_to_map(_LOOSE_TYPES_TABLE)


_default_mime_types()


def _main():
    import getopt

    usage = """Usage: mimetypes.py [options] type

Options:
    --help / -h       -- print this message and exit
    --lenient / -l    -- additionally search of some common, but non-standard
                         types.
    --extension / -e  -- guess extension instead of type

More than one type argument may be given.
"""

    def fail(code, msg=''):
        print(usage)
        if msg:
            print(msg)
        sys.exit(code)

    try:
        opts, args = getopt.getopt(sys.argv[1:], 'hle',
                                   ['help', 'lenient', 'extension'])
    except getopt.error as msg:
        fail(1, msg)

    strict = 1
    extension = 0
    for opt, arg in opts:
        if opt in ('-h', '--help'):
            fail(0)
        elif opt in ('-l', '--lenient'):
            strict = 0
        elif opt in ('-e', '--extension'):
            extension = 1
    for gtype in args:
        if extension:
            guess = guess_extension(gtype, strict)
            if not guess:
                print("I don't know anything about type", gtype)
            else:
                print(guess)
        else:
            guess, encoding = guess_type(gtype, strict)
            if not guess:
                print("I don't know anything about type", gtype)
            else:
                print('type:', guess, 'encoding:', encoding)


if __name__ == '__main__':
    _main()
