# configparser: reading, defaults, multi-line values, comments, typed
# getters, interpolation, the mapping interface, writing and errors.
import configparser
import io

text = """
# a comment
[DEFAULT]
home = /home/ann
Debug = no

[paths]
data = %(home)s/data
logs: %(data)s/logs
percent = 100%%

[server]
port = 8080
ratio = 0.75
enabled = Yes
banner = first line
    second line

    third after a blank
; another comment
empty =
"""
parser = configparser.ConfigParser()
parser.read_string(text)
print(parser.sections(), parser.defaults())
print(parser.get("paths", "logs"), parser.get("paths", "logs", raw=True), parser["paths"]["percent"])
print(parser.getint("server", "port"), parser.getfloat("server", "ratio"), parser.getboolean("server", "enabled"),
      parser.getboolean("server", "debug"))
print(repr(parser.get("server", "banner")), repr(parser["server"]["empty"]))
print(parser.options("server"), parser.has_option("server", "HOME"), parser.has_section("nope"))
print(parser.items("paths"))
print(sorted(parser["server"]), len(parser["server"]), "port" in parser["server"], list(parser))
print(parser.get("server", "missing", fallback="fb"), parser["server"].get("missing"), parser.getint("server", "nope", fallback=3))
print(parser.get("paths", "data", vars={"home": "/tmp"}))

parser["new"] = {"a": "1", "B": "two"}
parser.set("new", "c", "x%%y")
parser["new"]["d"] = "4"
del parser["new"]["a"]
out = io.StringIO()
parser.write(out)
print(out.getvalue())

raw = configparser.RawConfigParser()
raw.read_string("[s]\nv = %(x)s\n")
print(raw.get("s", "v"))
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[a]\nx = 1\ny = ${x}-$$\n[b]\nz = ${a:y}/z\n")
print(ext.get("b", "z"), ext["a"]["y"])

noval = configparser.ConfigParser(allow_no_value=True)
noval.read_string("[flags]\nverbose\nlevel = 2\n")
print(noval.get("flags", "verbose"), noval.items("flags"))
inline = configparser.ConfigParser(inline_comment_prefixes=("#",))
inline.read_string("[s]\nk = v # note\nu = a#b\n")
print(inline.get("s", "k"), inline.get("s", "u"))


def attempt(label, action):
    try:
        result = action()
    except Exception as e:
        print(label, "->", type(e).__name__, str(e).replace("\n", "|"))
    else:
        print(label, "=", result)


attempt("no section", lambda: parser.get("nope", "x"))
attempt("no option", lambda: parser.get("server", "nope"))
attempt("missing header", lambda: configparser.ConfigParser().read_string("a = 1\n"))
attempt("dup section", lambda: configparser.ConfigParser().read_string("[a]\n[a]\n"))
attempt("dup option", lambda: configparser.ConfigParser().read_string("[a]\nx=1\nx=2\n"))
attempt("parse error", lambda: configparser.ConfigParser().read_string("[a]\nno delimiter here\n"))
attempt("bad key", lambda: configparser.ConfigParser().read_string("[a]\nx = %(nope)s\n") or None)
bad = configparser.ConfigParser()
bad.read_string("[a]\nx = %(nope)s\ny = %(y)s\nz = 50%\n")
attempt("missing ref", lambda: bad.get("a", "x"))
attempt("recursion", lambda: bad.get("a", "y"))
attempt("syntax", lambda: bad.get("a", "z"))
attempt("not bool", lambda: parser.getboolean("server", "port"))
attempt("set type", lambda: parser.set("server", "port", 80))
attempt("set bad %", lambda: parser.set("server", "port", "5%"))
attempt("add default", lambda: parser.add_section("DEFAULT"))
attempt("add dup", lambda: parser.add_section("server"))
attempt("del default", lambda: parser.__delitem__("DEFAULT"))
attempt("getitem", lambda: parser["nope"])
print(parser.remove_option("server", "ratio"), parser.remove_section("paths"), parser.sections())
print(issubclass(configparser.NoSectionError, configparser.Error), configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)
