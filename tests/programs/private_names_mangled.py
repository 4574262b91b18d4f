# Private names (__x) in a class are mangled everywhere, parameters
# included: a keyword-only __c is bound by _C__c, and a name from outside
# the class is looked up mangled (so not found), as CPython does.


class X:
    def f(self, __a, *, __c=44):
        return __a, __c

    def g(self, __a):
        def inner():
            return __a

        return inner()

    def h(self):
        __v = 5
        return lambda: __v

    lam = lambda self, *, __d=7: __d


print(X.f.__code__.co_varnames, X.f.__kwdefaults__)
print(X().f(1), X().f(1, _X__c=3), X().g(7), X().h()(), X.h.__code__.co_cellvars)
print(X().lam(), X().lam(_X__d=8))
try:
    X().f(1, __c=2)
except TypeError as e:
    print("TypeError:", e)


class Y:
    def f(self, *, __c):
        return __c


print(Y().f(_Y__c=1))


def outer():
    __v = 1

    class Z:
        def m(self):
            return __v

    return Z().m()


try:
    print(outer())
except NameError as e:
    print("NameError:", e)


class _Under:
    __p = 1

    def get(self):
        return self.__p


print(_Under().get(), "_Under__p" in vars(_Under))
try:
    compile("class C:\n    from math import *\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
