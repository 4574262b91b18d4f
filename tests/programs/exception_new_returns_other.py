# raise C / gen.throw(C) where C.__new__ makes something that is no
# exception: the TypeError names the class and what it made.
class Bad(BaseException):
    def __new__(cls, *a):
        return 1
def gen():
    yield
for code in ("raise Bad", "gen().throw(Bad)"):
    try:
        exec(code)
    except TypeError as e:
        print(code, "->", e)
