class A:
    def f(self): return 'A.f'
    @classmethod
    def c(cls): return cls.__name__
class B(A):
    def f(self): return 'B>' + super().f()
for obj in (5, A(), B(), B, A, int):
    try:
        print(super(B, obj).f() if not isinstance(obj, type) else super(B, obj).c())
    except TypeError as e:
        print("TypeError", e)
try:
    super()
except RuntimeError as e:
    print("RuntimeError", e)
def loose(x):
    return super()
try:
    loose(1)
except RuntimeError as e:
    print("RuntimeError", e)
print(super(B, None).__self__, super(int).__thisclass__)
class Meta(type):
    def __call__(cls, *a):
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, v): self.v = v
print(WithMeta(3).v)
