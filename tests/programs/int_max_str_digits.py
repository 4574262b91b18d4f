# sys.get_int_max_str_digits / set_int_max_str_digits and the limit in str(int), int(str).
import sys
print(sys.get_int_max_str_digits())
for bad in (5, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    sys.set_int_max_str_digits('x')
except TypeError as e:
    print('TypeError', e)
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print('TypeError', e)
sys.set_int_max_str_digits(640)
print(len(str(10**639)))
for n in (10**640, 10**700, 1 << 100000, -(10**640)):
    try:
        str(n)
    except ValueError as e:
        print(e)
try:
    int('1' * 641)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits(), len(str(10**5000)), int('7' * 5000) % 1000)
sys.set_int_max_str_digits(4300)
x = 1 << 10**7
try:
    print(x)
except ValueError as e:
    print(e)
print(repr(9 ** 9).rjust(12))
