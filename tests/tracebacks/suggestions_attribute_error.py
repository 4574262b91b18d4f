# An uncaught AttributeError suggests the nearest name of dir(obj): of a
# module, an instance, a class, a builtin value; a __getattr__ that raises
# a bare AttributeError still gets one.
import math


class Account:
    balance = 0

    def deposit(self, amount):
        self.balance += amount


class Dynamic:
    known = 1

    def __getattr__(self, name):
        raise AttributeError(name)


for action in [lambda: math.flor(2.5), lambda: Account().balanse,
               lambda: Account.deposti, lambda: 'text'.uper(),
               lambda: [].apend(1), lambda: Dynamic().knwn,
               lambda: None.nothing_like_it]:
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
Account().depositt(5)
