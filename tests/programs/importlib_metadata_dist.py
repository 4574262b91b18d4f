# importlib.metadata on fake distributions made in temporary folders.
import os
import sys
import tempfile
import warnings
import importlib.metadata as md

root = tempfile.mkdtemp()
root2 = tempfile.mkdtemp()

METADATA = """\
Metadata-Version: 2.1
Name: Fake_Dist
Version: 1.2.3
Summary: A fake distribution for tests
Keywords: alpha beta  gamma
License: First line of the license
        second line
        third line
Classifier: Programming Language :: Python
Classifier: Topic :: Testing
Requires-Dist: other-thing (>=1.0)
Requires-Dist: extra-thing ; extra == 'more'
Provides-Extra: more
Project-URL: Home, https://example.invalid/

The long description.

Second paragraph.
"""

RECORD = """\
fake_mod/__init__.py,sha256=abcdef,27
fake_mod/data.txt,sha256=012345,9
solo.py,,
Fake_Dist-1.2.3.dist-info/METADATA,,
Fake_Dist-1.2.3.dist-info/RECORD,,
"../../bin/fake-tool",sha256=xyz,100
"""

ENTRY_POINTS = """\
[console_scripts]
fake-tool = fake_mod:main

[fake.group]
first = fake_mod:VALUE
second = fake_mod.sub:Thing.attr [extra1, extra2]
# a comment
third=fake_mod
"""

PKG_INFO = """\
Metadata-Version: 1.1
Name: old-egg
Version: 0.9
Summary: An egg-info distribution
"""

REQUIRES = """\
base-req>=2

[more]
more-req

[:python_version < "3"]
legacy-req

[win:sys_platform == "win32"]
win-req @ https://example.invalid/win.zip
"""

files = {
    (root, "Fake_Dist-1.2.3.dist-info/METADATA"): METADATA,
    (root, "Fake_Dist-1.2.3.dist-info/RECORD"): RECORD,
    (root, "Fake_Dist-1.2.3.dist-info/entry_points.txt"): ENTRY_POINTS,
    (root, "fake_mod/__init__.py"): "VALUE = 42\ndef main():\n    return 'ran'\n",
    (root, "fake_mod/sub.py"): "class Thing:\n    attr = 'thing attr'\n",
    (root, "fake_mod/data.txt"): "fake data",
    (root, "solo.py"): "",
    (root, "old_egg.egg-info/PKG-INFO"): PKG_INFO,
    (root, "old_egg.egg-info/requires.txt"): REQUIRES,
    (root, "old_egg.egg-info/SOURCES.txt"): "setup.py\nold_egg/__init__.py\nold_egg.egg-info/PKG-INFO\n",
    (root, "old_egg.egg-info/top_level.txt"): "old_egg\nold_helpers\n",
    (root, "old_egg.egg-info/entry_points.txt"): "[fake.group]\nfrom_egg = old_egg:run\n",
    (root, "single_file-0.1.egg-info"): "Metadata-Version: 1.0\nName: single-file\nVersion: 0.1\n",
    (root2, "fake.dist-9.9.dist-info/METADATA"): "Metadata-Version: 2.1\nName: fake.dist\nVersion: 9.9\n",
    (root2, "fake.dist-9.9.dist-info/entry_points.txt"): "[fake.group]\nshadowed = nowhere:x\n",
}
for (base, name), text in files.items():
    full = os.path.join(base, *name.split("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
sys.path[:0] = [root, root2]
warnings.simplefilter("ignore")

for name in ["Fake_Dist", "fake-dist", "FAKE.DIST", "fake__dist", "old-egg", "Old_Egg", "single-file"]:
    dist = md.distribution(name)
    print(name, "->", dist.name, dist.version, md.version(name), type(dist).__name__)
for name in ["fakedistx", "fake dist"]:
    try:
        md.distribution(name)
    except md.PackageNotFoundError as exc:
        print(type(exc).__name__, exc, exc.name, isinstance(exc, ModuleNotFoundError))
try:
    md.version("")
except ValueError as exc:
    print("ValueError:", exc)

meta = md.metadata("fake-dist")
print(len(meta), "Name" in meta, "name" in meta, "Nope" in meta)
print(list(meta))
print(meta.keys() == list(meta), len(meta.items()))
print(meta["name"], meta["VERSION"], meta["Nope"], meta.get("Nope", "default"))
print(repr(meta["License"]))
print(repr(meta["Description"]))
print(meta.get_all("Classifier"), meta.get_all("Nope"), meta.get_all("Nope", []))
print(meta.get_all("requires-dist"))
for key, value in sorted(meta.json.items()):
    print("json", key, repr(value))
print(md.metadata("single-file")["Name"], md.metadata("single_file").get_all("Version"))

print(md.requires("fake-dist"))
print(md.requires("old-egg"))
print(md.requires("single-file"))

record = md.files("fake-dist")
for path in record:
    print(type(path).__name__, str(path), path.hash, path.size)
first = record[0]
print(first.hash.mode, first.hash.value, first.parts, first.name)
print(repr(record[1].read_text()), record[1].read_binary())
print(record[1].locate().name, record[1].locate().exists(), record[1].dist.name)
print([str(p) for p in md.files("old-egg")])
print(md.files("single-file"))

dist = md.distribution("fake-dist")
print(sorted(dist.entry_points))
print(dist.entry_points.names == {"fake-tool", "first", "second", "third"})
group = md.entry_points(group="fake.group")
print(type(group).__name__, sorted(group.names), group.groups)
second = group["second"]
print(second, second.module, second.attr, second.extras, second.group)
print(second.load(), group["first"].load(), group["third"].load().__name__)
print(second.dist.name, group["from_egg"].dist.name)
print(second.matches(group="fake.group", name="second"), second.matches(module="x"))
print(md.entry_points(group="fake.group", name="first"))
print(md.entry_points(name="fake-tool")[0].load()())
try:
    group["missing"]
except KeyError as exc:
    print("KeyError", exc)
everything = md.entry_points()
print(type(everything).__name__, "fake.group" in everything.groups,
      sorted(everything.select(group="fake.group").names))
print(sorted(everything["fake.group"].names))

ep = md.EntryPoint(name="n", value="os.path:join [x]", group="g")
print(ep, ep.load().__name__, ep[0], ep[:])
print(ep == md.EntryPoint("n", "os.path:join [x]", "g"), hash(ep) == hash(("n", "os.path:join [x]", "g")))
try:
    ep.name = "other"
except AttributeError as exc:
    print("AttributeError:", exc)
eps = md.EntryPoints([ep, md.EntryPoint("m", "os", "h")])
print(eps.names == {"n", "m"}, eps.groups == {"g", "h"}, eps["m"].load().__name__, eps[0].name)

packages = md.packages_distributions()
for name in ["fake_mod", "solo", "old_egg", "old_helpers"]:
    print("packages", name, packages.get(name))

found = sorted((d.metadata["Name"], d.version) for d in md.distributions(path=[root, root2]))
print(found)
print([d.version for d in md.distributions(name="fake-dist")][:2])
print(md.Distribution.at(os.path.join(root2, "fake.dist-9.9.dist-info")).version)
print(list(md.distributions(path=[os.path.join(root, "nowhere")])))

import shutil
shutil.rmtree(root)
shutil.rmtree(root2)
