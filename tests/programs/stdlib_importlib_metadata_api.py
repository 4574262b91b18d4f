# importlib.metadata over fake dist-info / egg-info folders made here:
# version, metadata, files, requires, entry_points (select, groups,
# deprecated interfaces), distributions, packages_distributions, errors.
import os
import shutil
import sys
import tempfile
import warnings
import importlib.metadata as md

root = tempfile.mkdtemp()


def write(rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


write("Widget_Kit-2.0.1.dist-info/METADATA", """\
Metadata-Version: 2.1
Name: Widget-Kit
Version: 2.0.1
Summary: Widgets
Author-email: someone@example.invalid
Keywords: ui widgets
Requires-Dist: gizmo>=1.0
Requires-Dist: extra-lib ; extra == "fancy"
Provides-Extra: fancy
Classifier: A :: B
Classifier: C :: D
Description-Content-Type: text/plain

Body text here.
""")
write("Widget_Kit-2.0.1.dist-info/RECORD", """\
widget_kit/__init__.py,sha256=AAA,10
widget_kit/core.py,sha256=BBB,200
widget_helpers.py,,
Widget_Kit-2.0.1.dist-info/METADATA,,
""")
write("Widget_Kit-2.0.1.dist-info/entry_points.txt", """\
[console_scripts]
widget = widget_kit.cli:main [fancy]

[widget.plugins]
basic = widget_kit.core
fancy = widget_kit.core:Fancy.make
""")
write("widget_kit/__init__.py", "NAME = 'kit'\n")
write("widget_kit/core.py", "class Fancy:\n    @staticmethod\n    def make():\n        return 'made'\n")
write("old.thing-0.5.egg-info/PKG-INFO", "Metadata-Version: 1.0\nName: old.thing\nVersion: 0.5\n")
write("old.thing-0.5.egg-info/requires.txt", "base\n\n[extra1]\nx>1\n\n[:python_version < \"4\"]\ny\n\n[feat:sys_platform == \"linux\"]\nz @ http://example/z\n")
write("old.thing-0.5.egg-info/SOURCES.txt", "old_thing/__init__.py\nsetup.py\n")
write("old.thing-0.5.egg-info/top_level.txt", "old_thing\n")
write("bare-1.0.dist-info/METADATA", "Name: bare\nVersion: 1.0\n")
sys.path.insert(0, root)
try:
    print(md.version("widget-kit"), md.version("Widget_Kit"), md.version("WIDGET.KIT"))
    meta = md.metadata("widget-kit")
    print(meta["Name"], meta["summary"], meta.get("Missing"), meta.get("missing", "dflt"))
    print(meta.get_all("Classifier"), meta.get_all("Nope"), "Version" in meta)
    print(meta["Description"] if "Description" in meta else meta.get_payload().strip())
    j = meta.json
    print(sorted(j), j["keywords"], j["requires_dist"], j["classifier"])
    dist = md.distribution("widget-kit")
    print(type(dist).__name__, dist.name, dist.version, dist._normalized_name)
    print(dist.requires)
    files = md.files("widget-kit")
    for f in files:
        print(" ", f, f.hash and (f.hash.mode, f.hash.value), f.size, type(f).__name__)
    print(repr(files[0].hash))
    print(files[0].read_text(), files[0].locate().name, files[0].read_binary())
    print(md.requires("old.thing"))
    print([str(f) for f in md.files("old.thing")], md.requires("bare"), md.files("bare"))
    print(md.version("old-thing"), md.metadata("old_thing")["Name"])

    eps = dist.entry_points
    print(type(eps).__name__, sorted(eps.names), sorted(eps.groups))
    for ep in eps:
        print(" ", ep, ep.name, ep.group, ep.module, ep.attr, ep.extras, ep.dist.name)
    ep = eps["fancy"]
    print(ep.load()(), eps["basic"].load().__name__, ep.matches(group="widget.plugins"), ep.matches(name="x"))
    print(ep == md.EntryPoint("fancy", "widget_kit.core:Fancy.make", "widget.plugins"))
    try:
        ep.name = "other"
    except AttributeError as e:
        print("AttributeError", e)
    try:
        eps["nope"]
    except KeyError as e:
        print("KeyError", e)
    sel = md.entry_points(group="widget.plugins")
    print(type(sel).__name__, sorted(e.name for e in sel))
    print([e.value for e in md.entry_points(name="widget")])
    print(md.entry_points(group="nothing.here"))
    allg = md.entry_points()
    print(type(allg).__name__, "widget.plugins" in allg.groups, "basic" in allg.names)
    print(sorted(e.name for e in allg.select(group="console_scripts") if e.name == "widget"))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        print(len(allg["widget.plugins"]) >= 2)
        print(eps[0].name)
        print(ep[0], ep[2])
        name, obj = ep
        print(name, obj is ep)
        copy = md.EntryPoints(eps)
        copy.append(ep)
        print(len(copy))
        print([str(x.message).split(".")[0] for x in w])
        print(sorted({x.category.__name__ for x in w}))
        print([x.filename == sys._getframe().f_code.co_filename for x in w])

    names = sorted(d.metadata["Name"] for d in md.distributions(path=[root]))
    print(names)
    print([d.version for d in md.distributions(name="bare", path=[root])])
    pd = md.packages_distributions()
    print({k: pd[k] for k in sorted(pd) if k in ("widget_kit", "widget_helpers", "old_thing")})
    for bad in ("no-such-dist-xyz", ""):
        try:
            md.version(bad)
        except md.PackageNotFoundError as e:
            print("PackageNotFoundError", e, e.name, isinstance(e, ModuleNotFoundError))
        except ValueError as e:
            print("ValueError", e)
    try:
        md.Distribution.discover(context=md.DistributionFinder.Context(), name="x")
    except ValueError as e:
        print("ValueError", e)
    at = md.Distribution.at(os.path.join(root, "bare-1.0.dist-info"))
    print(type(at).__name__, at.version, at.read_text("missing"), at.files)
    ctx = md.DistributionFinder.Context(name="bare")
    print(ctx.name, ctx.path is sys.path)
    print(md.Prepared.normalize("A.b-C__d"), md.Prepared.legacy_normalize("A.b-C"))
    print(sorted(md.__all__))
finally:
    sys.path.remove(root)
    shutil.rmtree(root)
