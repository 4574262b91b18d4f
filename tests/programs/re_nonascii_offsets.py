# Matching at offsets in non-ASCII strings (the subject's code points
# are reused between calls on one string): results stay right.
import re

s = '\xe9' + 'a' * 50 + 'ü€b' + 'a' * 10
r = re.compile('a+')
print(r.match(s, 5).span(), r.match(s, 0), r.match(s, 1, 10).span())
print(r.search(s, 51).span(), r.search(s, 52, 60).span())
print(r.fullmatch(s, 1, 51).span(), r.fullmatch(s, 1, 52))
print([m.span() for m in r.finditer(s, 3, 58)])
print(r.findall(s, 40))
print(re.sub('a+', '-', s), re.subn('[üb]', '_', s))
print(re.split('€', s))
m = re.compile(r'(?<=ü)(.)(\w)').search(s)
print(m.span(), m.groups(), m.group(0), m.string is s, m.pos, m.endpos)

# Different strings, same text; a string built by appending after a match.
t = ''.join(['\xe9', 'a' * 50, 'ü€b', 'a' * 10])
print(r.match(t, 5).span(), t == s, t is s)
u = '\u20ac' * 3
for i in range(4):
    print(i, re.compile('(\u20ac|x)+').match(u, 1).span(), len(u))
    u += 'x' + '\xe9'
v = 'é' * 5
print(re.match('é+', v).group(), re.search('a', v))
del v
w = 'ö' * 5 + 'a'
print(re.search('a', w).span())
print(re.compile(r'\b\w').findall('éa bü, çd', 1))
lines = ['αβγ δ %d' % i for i in range(5)]
print([re.compile(r'\d').search(x, 3).group() for x in lines])
it = re.compile('.').finditer('ñandú', 2)
print(next(it).group(), re.compile('x').match('ñx', 1).span(), next(it).group())
