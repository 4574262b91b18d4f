import http
from http import HTTPStatus, HTTPMethod

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

print(len(HTTPStatus), len(HTTPMethod), http.__all__)
for s in HTTPStatus:
    print(repr(s), s.value, s.name, int(s), str(s), format(s), "%d" % s, "{:>5}".format(s),
          repr(s.phrase), repr(s.description))
for m in HTTPMethod:
    print(repr(m), str(m), m.value, m.name, "%s" % m, "{}".format(m), repr(m.description),
          m == m.name, m.lower())
print(HTTPStatus(404), HTTPStatus["NOT_FOUND"], HTTPStatus.NOT_FOUND == 404, 404 == HTTPStatus.NOT_FOUND)
print(HTTPStatus.OK + 1, HTTPStatus.OK < 300, sorted([HTTPStatus.NOT_FOUND, HTTPStatus.OK, 301]))
print(HTTPMethod("GET"), HTTPMethod["POST"], HTTPMethod.GET == "GET", "GET" in list(HTTPMethod))
print(HTTPStatus.OK in HTTPStatus, 200 in HTTPStatus.__members__.values(), HTTPStatus.OK is HTTPStatus(200))
show("bad status", lambda: HTTPStatus(299))
show("bad status str", lambda: HTTPStatus("200"))
show("bad name", lambda: HTTPStatus["NOPE"])
show("bad method", lambda: HTTPMethod("get"))
show("set attr", lambda: setattr(HTTPStatus, "OK", 1))
print(list(HTTPStatus.__members__)[:5], len(HTTPStatus.__members__))
print(isinstance(HTTPStatus.OK, int), isinstance(HTTPMethod.GET, str))
print(type(HTTPStatus.OK).__name__, HTTPStatus.__name__, HTTPMethod.__qualname__, HTTPStatus.__module__)
print([c.__name__ for c in HTTPStatus.__mro__], [c.__name__ for c in HTTPMethod.__mro__])
print({s.value // 100 for s in HTTPStatus})
print([s.name for s in HTTPStatus if not s.description])
print(hash(HTTPStatus.OK) == hash(200), hash(HTTPMethod.PUT) == hash("PUT"))
print(HTTPStatus.IM_A_TEAPOT.phrase, HTTPStatus.TOO_MANY_REQUESTS.description)
print(sorted(n for n in vars(HTTPStatus) if not n.startswith("_") and n.islower()))
print(sorted(n for n in dir(http) if not n.startswith("_")))
import json
print(json.dumps({"status": HTTPStatus.CREATED, "method": HTTPMethod.PATCH}))
import pickle
print(pickle.loads(pickle.dumps(HTTPStatus.GONE)) is HTTPStatus.GONE,
      pickle.loads(pickle.dumps(HTTPMethod.TRACE)) is HTTPMethod.TRACE)
