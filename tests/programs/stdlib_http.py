# http.HTTPStatus and http.HTTPMethod: the full member tables and how the
# members behave as ints / strs and as enum members.
import http
from http import HTTPStatus, HTTPMethod
import enum

print(http.__all__)
print(len(HTTPStatus), len(HTTPStatus.__members__), len(HTTPMethod))
for status in HTTPStatus:
    print(status.name, status.value, repr(status.phrase), repr(status.description))
for method in HTTPMethod:
    print(method.name, repr(method.value), repr(method.description))

not_found = http.HTTPStatus(404)
print(not_found, repr(not_found), str(not_found), format(not_found))
print(f"{not_found:>6}|{not_found:x}|{not_found:05d}|{not_found!r}")
print("%d %s %r" % (not_found, not_found, not_found))
print(not_found.phrase, '/', not_found.description)
print(not_found.name, not_found.value, not_found._value_, not_found._name_)
print(HTTPStatus['NOT_FOUND'] is not_found, HTTPStatus.NOT_FOUND is not_found)
print(HTTPStatus.OK == 200, 200 == HTTPStatus.OK, HTTPStatus.OK != 201)
print(not_found > 400, not_found < 500, not_found >= 404, not_found <= 403)
print(not_found + 1, not_found * 2, not_found // 100, -not_found, int(not_found))
print(type(not_found + 1).__name__, type(int(not_found)).__name__)
print(isinstance(not_found, int), isinstance(not_found, HTTPStatus),
      isinstance(not_found, enum.IntEnum), isinstance(not_found, enum.Enum))
print(hash(not_found) == hash(404), {404: 'x'}[not_found], {not_found: 'y'}[404])
print(404 in HTTPStatus.__members__.values(), not_found in HTTPStatus)
print(sorted([HTTPStatus.NOT_FOUND, HTTPStatus.OK, HTTPStatus.CONTINUE]))
print(max(HTTPStatus), min(HTTPStatus))
print([s for s in HTTPStatus if 300 <= s < 303])
print(HTTPStatus(200).phrase, HTTPStatus(418).name, HTTPStatus(418).phrase)
print(HTTPStatus.IM_A_TEAPOT.description)
print(repr(HTTPStatus.PROCESSING.description))
print([s.name for s in HTTPStatus if not s.description])
print(list(HTTPStatus.__members__)[:4], list(HTTPStatus.__members__)[-2:])
print(HTTPStatus.__name__, type(HTTPStatus).__name__, HTTPStatus.__module__)
print([c.__name__ for c in HTTPStatus.__mro__])
print([c.__name__ for c in HTTPMethod.__mro__])
print(repr(HTTPStatus), repr(HTTPMethod))
print(HTTPStatus.OK.is_integer() if hasattr(int, 'is_integer') else None,
      HTTPStatus.OK.bit_length(), HTTPStatus.OK.to_bytes(2, 'big'))

for bad in (999, '404', 404.0, None):
    try:
        print(repr(HTTPStatus(bad)))
    except ValueError as exc:
        print('ValueError', exc)
try:
    HTTPStatus['TEAPOT']
except KeyError as exc:
    print('KeyError', exc)
try:
    HTTPStatus.OK = 201
except AttributeError as exc:
    print('AttributeError', exc)

get = HTTPMethod.GET
print(get, repr(get), str(get), format(get), f"[{get:>6}]", "%s" % get)
print(get.name, get.value, get.description)
print(get == 'GET', 'GET' == get, get != 'get', get.lower(), get + '/1.1')
print(isinstance(get, str), isinstance(get, enum.StrEnum), len(get), get[0])
print(HTTPMethod('POST') is HTTPMethod.POST, HTTPMethod['PATCH'].description)
print(sorted(HTTPMethod, reverse=True)[:3])
print({get: 1}['GET'], hash(get) == hash('GET'))
try:
    HTTPMethod('get')
except ValueError as exc:
    print('ValueError', exc)
print(' '.join(HTTPMethod))
print(' '.join(m.name for m in HTTPMethod if 'target' in m.description))
