import mimetypes, os, tempfile, pathlib
# Keep the output independent of the machine's /etc/mime.types.
print(len(mimetypes.knownfiles), mimetypes.knownfiles[0], mimetypes.inited)
mimetypes.knownfiles = []
mimetypes.init()

names = ["a.html", "A.HTML", "x.tar.gz", "x.tgz", "x.svgz", "pic.JPG", "pic.jpg", "song.mid", "doc.rtf", "f.xul",
         "noext", ".bashrc", "arch.tar.bz2", "x.tbz2", "x.txz", "x.Z", "x.gz", "x.br", "x.bz2", "x.xz",
         "http://example.com/page.json?x=1", "http://example.com/a.png#frag", "file:///tmp/x.csv",
         "data:text/html;base64,PGgxPg==", "data:,hello", "data:image/png", "data:a=b,x", "data:foo,x",
         "DATA:TEXT/PLAIN;charset=utf-8,x", "x.webp", "x.py", "x.js", "x.mjs", "x.wasm", "x.css", "x.pdf",
         "dir.d/file", "weird.TAR.GZ", "x.svg.gz", "c:\\path\\file.txt", "x.unknownext"]
for n in names:
    print(repr(n), mimetypes.guess_type(n), mimetypes.guess_type(n, strict=False))
print(mimetypes.guess_type(pathlib.PurePosixPath("/a/b.txt")))
types = ["text/html", "TEXT/HTML", "image/jpeg", "image/jpg", "audio/midi", "text/plain", "application/json",
         "application/octet-stream", "video/mp4", "application/x-nothing", "image/webp", "text/xul", "audio/mpeg",
         "application/javascript", "text/javascript", "image/svg+xml", "application/zip", "application/gzip"]
for t in types:
    print(t, mimetypes.guess_all_extensions(t), mimetypes.guess_all_extensions(t, strict=False),
          mimetypes.guess_extension(t), mimetypes.guess_extension(t, strict=False))
mimetypes.add_type("application/x-krait", ".krt")
mimetypes.add_type("application/x-krait", ".krt2")
mimetypes.add_type("application/x-loose", ".lse", strict=False)
print(mimetypes.guess_type("a.krt"), mimetypes.guess_type("a.lse"), mimetypes.guess_type("a.lse", strict=False))
print(mimetypes.guess_all_extensions("application/x-krait"), mimetypes.guess_extension("application/x-loose", False))
print(mimetypes.types_map[".krt"], mimetypes.common_types[".lse"], mimetypes.inited)
print(sorted(mimetypes.suffix_map.items()), sorted(mimetypes.encodings_map.items()))
print(sorted(mimetypes.__all__))

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "mime.types")
    with open(p, "w") as f:
        f.write("# comment line\napplication/x-foo   foo fo2  # trailing comment\n\ntext/x-bar bar\nempty/type\n")
    print(sorted(mimetypes.read_mime_types(p).items())[:3], mimetypes.read_mime_types(os.path.join(d, "missing")))
    m = mimetypes.MimeTypes([p])
    print(m.guess_type("x.foo"), m.guess_type("x.fo2"), m.guess_extension("text/x-bar"), m.guess_type("x.html"))
    m2 = mimetypes.MimeTypes([p], strict=False)
    print(m2.guess_type("x.foo"), m2.guess_type("x.foo", strict=False))
    m.add_type("a/b", ".html")
    print(m.guess_type("x.html"), mimetypes.guess_type("x.html"), m.guess_all_extensions("a/b"))
    m.readfp(open(p), strict=False)
    print(m.types_map_inv[False].get("application/x-foo"), type(m.types_map).__name__, len(m.types_map))
    mimetypes.init([p])
    print(mimetypes.guess_type("q.foo"), mimetypes.guess_type("q.krt"))
    mimetypes.init()
    print(mimetypes.guess_type("q.foo"), mimetypes.guess_type("q.krt"))
m = mimetypes.MimeTypes()
m.encodings_map[".zz"] = "zzip"; m.suffix_map[".tzz"] = ".tar.zz"
print(m.guess_type("a.tzz"), m.guess_type("a.TZZ"), m.guess_type("a.tar.ZZ"))
try:
    mimetypes.guess_type(5)
except TypeError as e:
    print("TypeError", e)
try:
    mimetypes.guess_type(b"x.txt")
except TypeError as e:
    print("TypeError", e)
