# mimetypes with its built-in tables (no system files): guesses both ways, add_type, init, MimeTypes.
import sys, os
import io, shutil, pathlib
import mimetypes
# The system's mime.types files differ between machines: the built-in
# tables only.
mimetypes.knownfiles = []

print(mimetypes.__all__)
print('inited at import', mimetypes.inited, mimetypes._db)
print(mimetypes.knownfiles)

EXTS = ['txt', 'html', 'htm', 'css', 'js', 'mjs', 'json', 'xml', 'csv', 'tsv', 'md', 'py', 'pyc', 'c', 'h', 'sh',
        'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'rtf', 'zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', '7z',
        'rar', 'jpg', 'jpeg', 'jpe', 'png', 'gif', 'bmp', 'svg', 'svgz', 'ico', 'tif', 'tiff', 'webp', 'heic', 'avif',
        'mp3', 'wav', 'ogg', 'oga', 'flac', 'aac', 'm4a', 'mid', 'midi', 'mp4', 'mpeg', 'mpg', 'mov', 'avi', 'webm',
        'mkv', 'wmv', 'flv', '3gp', 'ttf', 'otf', 'woff', 'woff2', 'eot', 'wasm', 'exe', 'dll', 'bin', 'so', 'o', 'a',
        'iso', 'dmg', 'deb', 'rpm', 'apk', 'jar', 'swf', 'eml', 'mht', 'mhtml', 'ics', 'vcf', 'vcard', 'ps', 'eps',
        'ai', 'tex', 'latex', 'dvi', 'bat', 'pl', 'rb', 'java', 'xhtml', 'xht', 'xsl', 'rdf', 'wsdl', 'atom', 'rss',
        'webmanifest', 'nq', 'nt', 'trig', 'epub', 'sql', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'log', 'pict', 'pct',
        'pic', 'xul', 'wiz', 'ksh', 'etx', 'sgm', 'sgml', 'vtt', 'srt', 'ra', 'ram', 'snd', 'au', 'aif', 'aiff', 'aifc',
        'xbm', 'xpm', 'xwd', 'pbm', 'pgm', 'ppm', 'pnm', 'ras', 'rgb', 'ief', 'mpa', 'mpe', 'm1v', 'qt', 'movie',
        'nws', 'p7c', 'pfx', 'p12', 'pot', 'ppa', 'pps', 'pwz', 'xlb', 'xpdl', 'mif', 'cdf', 'nc', 'hdf', 'src',
        'shar', 'sv4cpio', 'sv4crc', 'tcl', 'texi', 'texinfo', 'roff', 't', 'tr', 'man', 'me', 'ms', 'ustar', 'wasm',
        'z', 'Z', 'br', 'heif', 'JPG', 'HTML', 'Txt', 'PnG', '', 'unknownext', 'bcpio', 'cpio', 'csh', 'gtar', 'hdf',
        'js', 'latex', 'obj', 'oda', 'pdf', 'm3u', 'm3u8', 'opus', 'adts', 'loas', 'ass', 'ogv', 'weba', 'dat']

NAMES = ['foo.tar.gz', 'foo.tgz', 'foo.TGZ', 'foo.tar.Z', 'foo.tar.z', 'foo.tar.bz2', 'foo.tbz2', 'foo.txz',
         'foo.tar.xz', 'foo.svgz', 'foo.svg.gz', 'foo.gz', 'foo.GZ', 'foo.html.gz', 'foo.txt.br', 'foo.taz', 'foo.tz',
         'foo.js.gz.gz', 'foo', '.bashrc', '.html', 'dir.d/file', 'dir.html/', 'archive.tar.gz.tar', 'a.b.c.json',
         'http://example.com/index.html', 'http://example.com/a/b.PNG?x=1', 'https://example.com/x.css#frag',
         'HTTP://example.com/x.pdf', 'file:///home/user/doc.txt', 'ftp://h/pub/x.tar.gz', 'mailto:a@b.c',
         'data:,Hello', 'data:text/html,<b>x</b>', 'data:image/png;base64,iVBOR', 'data:;base64,AAAA',
         'data:text/plain;charset=utf-8,hi', 'data:charset=utf-8,hi', 'data:nocomma', 'DATA:image/gif,x',
         'data:image/svg+xml;utf8,<svg/>', 'data:a=b/c,x', 'c:\\dir\\file.txt', 'c:/dir/file.jpg', 'x:y.html',
         '/abs/path/to/file.py', 'rel/path/file.PY', 'file.tar.gz.bak', 'README', 'Makefile', 'x.', '..', '.',
         'weird name with spaces.mp3', 'unicodé.Jpeg', 'x.jpg;jsessionid=1', 'x.svgz.gz']

print('--- defaults (MimeTypes instance)')
db = mimetypes.MimeTypes()
print('inited', mimetypes.inited, type(mimetypes._db).__name__)
for ext in EXTS:
    name = 'file.' + ext
    print(name, db.guess_type(name), db.guess_type(name, strict=False))
for name in NAMES:
    print(repr(name), db.guess_type(name), db.guess_type(name, False))
print(db.guess_type(pathlib.PurePosixPath('/x/y.tar.gz')))

TYPES = ['text/plain', 'text/html', 'TEXT/HTML', 'image/jpeg', 'image/jpg', 'image/png', 'application/javascript',
         'application/json', 'application/octet-stream', 'application/xml', 'text/xml', 'audio/mpeg', 'audio/midi',
         'video/mp4', 'video/mpeg', 'application/x-tar', 'application/zip', 'application/gzip', 'image/svg+xml',
         'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'image/tiff',
         'text/x-python', 'application/x-sh', 'image/webp', 'image/pict', 'text/xul', 'application/rtf', 'audio/x-wav',
         'message/rfc822', 'text/css', 'text/csv', 'font/woff', 'font/woff2', 'application/wasm', 'application/pdf',
         'application/postscript', 'no/such', '', 'text/richtext', 'video/quicktime', 'audio/ogg', 'image/x-icon',
         'image/vnd.microsoft.icon', 'application/x-troff', 'text/markdown', 'application/x-python-code']
for t in TYPES:
    print(repr(t), db.guess_extension(t), db.guess_extension(t, strict=False),
          db.guess_all_extensions(t), db.guess_all_extensions(t, strict=False))

print('--- tables')
print(len(db.types_map[True]), len(db.types_map[False]), len(db.types_map_inv[True]), len(db.types_map_inv[False]))
print(list(db.types_map[True].items())[:10])
print(db.types_map[False])
print(db.encodings_map)
print(db.suffix_map)
print(db.types_map_inv[False])
print(sorted(db.types_map[True].items()) == sorted(mimetypes._types_map_default.items()))
print(mimetypes._types_map_default is mimetypes.types_map, mimetypes._encodings_map_default is mimetypes.encodings_map)

print('--- add_type on an instance')
db.add_type('application/x-krait', '.krt')
db.add_type('application/x-krait', '.krt')
db.add_type('application/x-krait', '.KRT2')
db.add_type('text/x-loose', '.lse', strict=False)
db.add_type('text/plain', '.html', strict=False)
db.add_type('text/x-new-html', '.html')
for name in ['a.krt', 'a.KRT', 'a.KRT2', 'a.krt2', 'a.lse', 'a.html']:
    print(name, db.guess_type(name), db.guess_type(name, False))
print(db.guess_all_extensions('application/x-krait'), db.guess_all_extensions('text/html'), db.guess_all_extensions('text/plain', False))
print(db.guess_extension('text/x-loose'), db.guess_extension('text/x-loose', False), db.guess_extension('text/x-new-html'))

print('--- files')
import tempfile
WORK = os.path.join(tempfile.mkdtemp(), '_mt_work')
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
custom = os.path.join(WORK, 'custom.types')
with open(custom, 'w', encoding='utf-8') as f:
    f.write('# a comment line\n'
            '\n'
            'application/x-custom    cst cst2   # trailing comment\n'
            'text/x-weird\tWRD\n'
            'image/png png pngx\n'
            'application/x-empty\n'
            'text/x-comment #notext ext\n'
            '   application/x-indented   ind\n'
            'text/x-unicodé ünï\n')
print(mimetypes.read_mime_types(custom))
print(mimetypes.read_mime_types(os.path.join(WORK, 'missing.types')))
print(mimetypes.read_mime_types(WORK))
db2 = mimetypes.MimeTypes([custom])
print(db2.guess_type('x.cst'), db2.guess_type('x.WRD'), db2.guess_type('x.wrd'), db2.guess_type('x.pngx'), db2.guess_extension('image/png'), db2.guess_all_extensions('image/png'))
db3 = mimetypes.MimeTypes([custom], strict=False)
print(db3.guess_type('x.cst'), db3.guess_type('x.cst', False), db3.guess_all_extensions('image/png', False))
db4 = mimetypes.MimeTypes()
db4.readfp(io.StringIO('text/x-io io\nbad\n#x y\n'))
print(db4.guess_type('a.io'), db4.types_map[True].get('.bad'))
db4.read(custom, strict=False)
print(db4.guess_type('a.ind'), db4.guess_type('a.ind', False))
try:
    db4.read(os.path.join(WORK, 'missing.types'))
except OSError as e:
    print(type(e).__name__, e.errno)
print(db4.read_windows_registry())

print('--- errors')
for call in [lambda: db.guess_type(None), lambda: db.guess_type(123), lambda: db.guess_type(b'x.txt'),
             lambda: db.guess_extension(None), lambda: db.guess_all_extensions(5),
             lambda: mimetypes.guess_type(None), lambda: mimetypes.add_type('a/b'), lambda: db.guess_type('x.txt', True, 3)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

print('--- module level (reads the system files as CPython does)')
mimetypes._db = None
mimetypes.inited = False
for ext in EXTS:
    name = 'file.' + ext
    print(name, mimetypes.guess_type(name), mimetypes.guess_type(name, strict=False))
for name in NAMES:
    print(repr(name), mimetypes.guess_type(name), mimetypes.guess_type(name, False))
for t in TYPES:
    print(repr(t), mimetypes.guess_extension(t), mimetypes.guess_extension(t, strict=False),
          mimetypes.guess_all_extensions(t), mimetypes.guess_all_extensions(t, strict=False))
print(len(mimetypes.types_map), len(mimetypes.common_types), mimetypes.types_map is mimetypes._db.types_map[True])
print(hash(tuple(mimetypes.types_map.items())) == hash(tuple(mimetypes._db.types_map[True].items())))
import hashlib
print(hashlib.sha256(repr(list(mimetypes.types_map.items())).encode()).hexdigest())
print(hashlib.sha256(repr(list(mimetypes._db.types_map_inv[True].items())).encode()).hexdigest())

print('--- module add_type / init')
mimetypes.add_type('application/x-krait', '.krt')
print(mimetypes.guess_type('z.krt'), mimetypes.types_map.get('.krt'))
mimetypes.init([custom])
print('after init(files)', mimetypes.guess_type('z.krt'), mimetypes.guess_type('z.cst'), mimetypes.guess_type('z.pngx'))
old = mimetypes._db
mimetypes.init([os.path.join(WORK, 'missing.types')])
print('reuse db', mimetypes._db is old, mimetypes.guess_type('z.cst'))
mimetypes.init()
print('after init()', mimetypes._db is old, mimetypes.guess_type('z.krt'), mimetypes.guess_type('z.cst'))
saved = mimetypes.knownfiles
mimetypes.knownfiles = []
mimetypes.init()
print('no knownfiles', len(mimetypes.types_map), mimetypes.guess_type('a.gz'), mimetypes.guess_type('a.tar.gz'), mimetypes.guess_extension('application/gzip'))
mimetypes._db = None
mimetypes.init([custom])
print('fresh init(files)', len(mimetypes.types_map), mimetypes.guess_type('z.cst'), mimetypes.guess_extension('image/png'))
mimetypes.knownfiles = saved
shutil.rmtree(WORK)
print('done')
