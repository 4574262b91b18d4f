import string
from string import Template

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e if not isinstance(e, ValueError) or len(e.args) == 1 else e.args[0])

t = Template("$who likes ${what}; $$ is a dollar; $ 5")
show(t.substitute, who="tim", what="kung pao")
show(t.safe_substitute, who="tim")
show(t.safe_substitute, {"who": "a"}, what="b")
show(t.substitute, {"who": "a", "what": "c"}, what="b")
show(Template("x\ny\n  $").substitute)
show(Template("ab$").substitute)
show(Template("$").substitute)
show(Template("line1\r\nline2 $!").substitute)
show(Template("$a $b").substitute, a=1)
show(Template("${a").substitute, a=1)
show(Template("${a").safe_substitute, a=1)
show(Template("$a_b1 $ab").substitute, a_b1=1, ab=2)
show(Template("$Ä").safe_substitute)
show(Template("$X").substitute, X=3)
print(Template("$a ${b} $$ $a").get_identifiers(), Template("$a $").is_valid(), Template("$a $$").is_valid())


class Percent(Template):
    delimiter = "%"


class Braced(Template):
    braceidpattern = r"[a-z ]+"


class Dotted(Template):
    idpattern = r"[a-z]+\.[a-z]+"


class CaseSens(Template):
    flags = 0
    idpattern = r"[a-z]+"


class Custom(Template):
    pattern = r"""
    \#(?:
      (?P<escaped>\#) |
      (?P<named>[a-z]+) |
      <(?P<braced>[a-z]+)> |
      (?P<invalid>)
    )
    """


class Broken(Template):
    pattern = r"@(?P<named>[a-z]+)|@(?P<other>!)"


show(Percent("%who %% %{x}").substitute, who=1, x=2)
show(Braced("${two words} $one").substitute, {"two words": 1, "one": 2})
show(Dotted("$a.b $c").safe_substitute, {"a.b": 1})
show(CaseSens("$ab $AB").safe_substitute, ab=1, AB=2)
show(Custom("#a ## #<bc> #!").safe_substitute, a=1, bc=2)
show(Custom("#a #1").substitute, a=1)
show(Broken("@x @!").substitute, x=1)
show(Broken("@x @!").safe_substitute, x=1)
show(Broken("@!").is_valid)
show(Broken("@!").get_identifiers)
print(Percent.pattern.pattern == Template.pattern.pattern, Template.delimiter,
      Template.idpattern, Template.braceidpattern, Template.flags)
print(Custom("#a").get_identifiers(), Custom("#").is_valid())
print(string.capwords(" hello   world  again "), string.capwords("a-b-c", "-"),
      string.capwords("x  y", " "), string.capwords(""), string.capwords("ÉTÉ été"))
for name in ["whitespace", "ascii_lowercase", "ascii_uppercase", "ascii_letters",
             "digits", "hexdigits", "octdigits", "punctuation", "printable"]:
    print(name, repr(getattr(string, name)))
print(sorted(string.__all__))
