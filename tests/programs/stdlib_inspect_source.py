# inspect.getsource / getsourcelines / getblock / findsource on many shapes
import inspect
import functools


def show_source(label, obj):
    try:
        lines, start = inspect.getsourcelines(obj)
    except (OSError, TypeError) as e:
        print(label, type(e).__name__, e)
        return
    print('--', label, len(lines), 'lines')
    print(''.join(lines), end='')


# The simplest function.
#
#  Really.
def simple():
    return 1


def with_text():
    text = """
not indented
  at all
"""
    return text  # trailing comment


def with_comments():
    x = 1
    # a comment inside

    # another one, after a blank line
    return x
    # a comment at the end of the body
# a comment at column zero
after_comments = 1


def continued(a,
              b=(1,
                 2),
              *rest):
    total = a + \
        b[0]
    return [total,
  total]


def trailing_semicolon(): x = 1; return x


def decorate(*args):
    def apply(func):
        return func
    return apply


@decorate(
    1,
    2,
)
@decorate()
def multi_decorated():
    pass


class Outer:
    """Outer class."""

    def method(self):
        class Nested:
            decoy = True
        return Nested

    class Nested:
        value = 'class Outer:'

        def deep(self):
            def innermost():
                return 'def'
            return innermost

    @functools.wraps(simple)
    def wrapped_method(self):
        return 2

    async def async_method(self):
        return 3


@decorate()
class Decorated:
    attribute = [
        1,
    ]


class Decorated2:
    pass


lambdas = [lambda: 1,
           lambda x: x]
square = (lambda n:
          n * n)


def brackets_in_strings():
    s = '(' + "[" + '''{'''
    return s


def hash_in_string():
    return '# not a comment', "also # not"


def tabs():
	if True:
		return 1


show_source('simple', simple)
show_source('with_text', with_text)
show_source('with_comments', with_comments)
show_source('continued', continued)
show_source('trailing_semicolon', trailing_semicolon)
show_source('multi_decorated', multi_decorated)
show_source('Outer', Outer)
show_source('Nested', Outer.Nested)
show_source('deep', Outer.Nested.deep)
show_source('innermost', Outer.Nested().deep())
show_source('wrapped_method', Outer.wrapped_method)
show_source('async_method', Outer().async_method)
show_source('Decorated', Decorated)
show_source('Decorated2', Decorated2)
show_source('lambda 0', lambdas[0])
show_source('lambda 1', lambdas[1])
show_source('square', square)
show_source('brackets_in_strings', brackets_in_strings)
show_source('hash_in_string', hash_in_string)
show_source('tabs', tabs)
print(inspect.getsourcelines(simple)[1] < inspect.getsourcelines(Outer)[1])
lines, index = inspect.findsource(Outer.Nested)
print(lines[index], end='')
print(inspect.getsourcelines(inspect.getmodule(simple))[1])
show_source('number', 5)


def make_class():
    class Local:
        pass
    return Local


show_source('Local', make_class())
print(repr(inspect.getdoc(Outer)), repr(inspect.getdoc(Outer.Nested)))
print(repr(inspect.getcomments(simple)), inspect.getcomments(tabs))


def frame_args(a, *more, flag=True, **options):
    info = inspect.getargvalues(inspect.currentframe())
    return inspect.formatargvalues(*info)


print(frame_args(1, 2, x=3))
print(inspect.getargs(frame_args.__code__))
