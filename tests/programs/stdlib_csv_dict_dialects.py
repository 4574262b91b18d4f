import csv, io

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

data = "name,age,city\nAnn,30,Oslo\n\nBob,25\nCy,40,Rome,extra,more\n\"D, Jr\",\"5\",\"x\"\"y\"\n"
r = csv.DictReader(io.StringIO(data))
print(r.line_num, r.fieldnames, r.line_num)
for row in r:
    print(r.line_num, row)
r = csv.DictReader(io.StringIO(data), restkey="REST", restval="?")
print(list(r))
r = csv.DictReader(io.StringIO("1;2\n3;4\n"), fieldnames=("a", "b"), delimiter=";")
print(r.fieldnames, list(r), r.dialect)
r = csv.DictReader(io.StringIO(""))
print(r.fieldnames, list(r))
r = csv.DictReader(io.StringIO("a,b\n"))
r.fieldnames = ["x", "y", "z"]
print(list(csv.DictReader(["h1,h2", "1,2", "", "3,4"])), r.fieldnames)
r = csv.DictReader(io.StringIO("a\tb\n1\t2\n"), dialect="excel-tab")
print(list(r))

out = io.StringIO()
w = csv.DictWriter(out, ["a", "b", "c"], restval="R")
w.writeheader()
w.writerow({"a": 1, "b": "x,y"})
w.writerows([{"c": 3}, {"a": None, "b": 'q"t', "c": 1.5}])
print(repr(out.getvalue()))
show("extra", lambda: w.writerow({"a": 1, "zz": 2}))
w2 = csv.DictWriter(out, ["a"], extrasaction="ignore")
print(w2.writerow({"a": 1, "zz": 2}), repr(out.getvalue()[-6:]))
w3 = csv.DictWriter(out, ("a", "b"), extrasaction="IGNORE")
print(w3.fieldnames, w3.extrasaction)
show("badextras", lambda: csv.DictWriter(out, ["a"], extrasaction="bad"))
out = io.StringIO()
w = csv.DictWriter(out, ["a", "b"], dialect="unix", quoting=csv.QUOTE_NONNUMERIC)
w.writeheader(); w.writerow({"a": 1, "b": "s"})
print(repr(out.getvalue()))

# dialects
print(sorted(csv.list_dialects()))
class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = False
    escapechar = "\\"
    skipinitialspace = True
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect("semi", Semi)
csv.register_dialect("pipe", delimiter="|", quoting=csv.QUOTE_ALL)
csv.register_dialect("semi2", "semi", delimiter=",")
print(sorted(csv.list_dialects()))
d = csv.get_dialect("pipe")
print(d.delimiter, d.quotechar, d.quoting, d.doublequote, d.escapechar, repr(d.lineterminator), d.skipinitialspace, d.strict)
d = csv.get_dialect("semi2")
print(d.delimiter, d.quotechar, d.escapechar, d.skipinitialspace)
out = io.StringIO()
csv.writer(out, "semi").writerows([["a;b", "c'd", 1], ["x", None, ""]])
csv.writer(out, "pipe").writerow(["p", 2])
print(repr(out.getvalue()))
print(list(csv.reader(["a; 'b;c'; d\\;e"], "semi")))
csv.unregister_dialect("semi2")
show("unreg", lambda: csv.unregister_dialect("semi2"))
show("get", lambda: csv.get_dialect("nope"))
show("getint", lambda: csv.get_dialect(5))
show("regint", lambda: csv.register_dialect(5))
show("baddelim", lambda: csv.register_dialect("x", delimiter="ab"))
show("baddelim2", lambda: csv.register_dialect("x", delimiter=None))
show("baddelim3", lambda: csv.register_dialect("x", delimiter=1))
show("badquoting", lambda: csv.register_dialect("x", quoting=9))
show("noquote", lambda: csv.register_dialect("x", quotechar=None))
show("badkw", lambda: csv.register_dialect("x", foo=1))
show("badlt", lambda: csv.register_dialect("x", lineterminator=5))
class Bad(csv.Dialect):
    delimiter = "::"
show("baddialect", lambda: Bad())
show("basedialect", lambda: csv.Dialect())
e = csv.excel()
print(e._valid, csv.Dialect._valid, csv.excel.delimiter, repr(csv.excel.lineterminator), csv.unix_dialect.quoting, csv.excel_tab.delimiter == "\t")
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__, issubclass(csv.Error, Exception))
print(sorted(n for n in csv.__all__ if n != "Sniffer"))
print(list(csv.reader(['a,"b\nc",d'])), list(csv.reader(["1,2"], quoting=csv.QUOTE_NONNUMERIC)))
print(csv.field_size_limit() > 0)
print(type(csv.DictWriter(io.StringIO(), iter(["a", "b"])).fieldnames).__name__, type(csv.DictReader(io.StringIO(), iter(["a"])).fieldnames).__name__)
