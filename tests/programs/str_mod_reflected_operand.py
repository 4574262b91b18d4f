class C:
    def __rmod__(self, other):
        return "rmod called"
    def __str__(self):
        return "C-str"
    def __bytes__(self):
        return b"C-bytes"
print("%s" % C())
print(b"%s" % C())
print(bytearray(b"%s") % C())
try:
    print("no placeholders" % C())
except TypeError as e:
    print("TypeError", e)
class S(str):
    def __rmod__(self, other):
        return "S.rmod"
print("%s" % S("x"))
class N:
    def __rmod__(self, other):
        return "N.rmod " + repr(other)
print(5 % N(), [1] + [] if False else 1.5 % N())
s = "%s!"
s %= C()
print(s)
print("%(a)s" % {"a": C()})
