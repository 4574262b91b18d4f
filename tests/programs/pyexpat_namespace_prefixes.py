# namespace_prefixes (expat's triplets): prefixed element and attribute names
# are reported as "uri sep local sep prefix"; unprefixed ones are not.
import pyexpat
for triplets in (0, 1):
    p = pyexpat.ParserCreate(None, " ")
    p.namespace_prefixes = triplets
    p.StartElementHandler = lambda n, a: print(repr(n), a)
    p.EndElementHandler = lambda n: print("end", repr(n))
    p.Parse('<p:r xmlns:p="http://p/" xmlns="http://d/" p:at="1" plain="2"><c q:x="3" xmlns:q="http://q/"/><p:c/></p:r>', True)
p = pyexpat.ParserCreate(None, "|")
p.namespace_prefixes = True
p.StartElementHandler = lambda n, a: print(repr(n), a)
p.Parse('<a:b xmlns:a="u"/>', True)
