import csv
def t(label, **kw):
    try:
        csv.register_dialect("x", **kw); d = csv.get_dialect("x")
        print(label, "ok", repr(d.delimiter), repr(d.quotechar), d.quoting, repr(d.escapechar), d.doublequote, repr(d.lineterminator), d.skipinitialspace, d.strict)
    except Exception as e:
        print(label, type(e).__name__, e)
t("qcNone", quotechar=None)
t("qcNone_all", quotechar=None, quoting=csv.QUOTE_ALL)
t("qcNone_none", quotechar=None, quoting=csv.QUOTE_NONE)
t("qc2", quotechar="ab")
t("qcint", quotechar=1)
t("quotingNone", quoting=None)
t("quotingstr", quoting="1")
t("quotingfloat", quoting=1.0)
t("delimEmpty", delimiter="")
t("esc2", escapechar="ab")
t("escint", escapechar=1)
t("ltNone", lineterminator=None)
t("dq", doublequote=0, skipinitialspace=1, strict=[])
t("dqNone", doublequote=None)
t("same", delimiter='"')
t("lt_empty", lineterminator="")
t("delim_space", delimiter=" ", skipinitialspace=True)
t("delimNone", delimiter=None)
class D(csv.Dialect):
    delimiter = ","
try: D()
except Exception as e: print("D", type(e).__name__, e)
class D2(csv.Dialect):
    delimiter = ","; quotechar='"'; lineterminator="\n"
try: D2(); print("D2 ok")
except Exception as e: print("D2", type(e).__name__, e)
class D3(csv.Dialect):
    delimiter = ","; quotechar='"'; quoting=csv.QUOTE_MINIMAL
try: D3(); print("D3 ok")
except Exception as e: print("D3", type(e).__name__, e)
class D4(csv.Dialect):
    delimiter = ","; quoting=csv.QUOTE_MINIMAL; lineterminator="\n"
try: D4(); print("D4 ok")
except Exception as e: print("D4", type(e).__name__, e)
try:
    csv.register_dialect("y", D2)
except TypeError as e:
    print("D2 reg", e)
csv.register_dialect("y", D3, lineterminator="\n")
d=csv.get_dialect("y"); print(repr(d.quotechar), d.quoting, d.doublequote, d.skipinitialspace, d.strict, repr(d.escapechar))
