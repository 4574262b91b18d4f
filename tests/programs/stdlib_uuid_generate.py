import uuid

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

for ns_name in ["NAMESPACE_DNS", "NAMESPACE_URL", "NAMESPACE_OID", "NAMESPACE_X500"]:
    ns = getattr(uuid, ns_name)
    print(ns_name, ns, ns.version, ns.variant)
    for name in ["python.org", "", "http://example.com/", "1.3.6.1", "cn=x", "ünï"]:
        u3 = uuid.uuid3(ns, name)
        u5 = uuid.uuid5(ns, name)
        print("  ", repr(name), u3, u3.version, u5, u5.version)
show("uuid3 bytes", lambda: uuid.uuid3(uuid.NAMESPACE_DNS, b"x"))
show("uuid5 bytes", lambda: uuid.uuid5(uuid.NAMESPACE_DNS, b"x"))
show("uuid3 int", lambda: uuid.uuid3(uuid.NAMESPACE_DNS, 5))
show("uuid5 bad ns", lambda: uuid.uuid5("ns", "x"))
show("uuid3 custom ns", lambda: uuid.uuid3(uuid.UUID(int=0), "x"))

seen = set()
for _ in range(50):
    u = uuid.uuid4()
    assert u.version == 4 and u.variant == uuid.RFC_4122
    seen.add(u)
print("uuid4 unique", len(seen), len(str(u)), u.is_safe)

prev = None
for _ in range(20):
    u = uuid.uuid1()
    assert u.version == 1 and u.variant == uuid.RFC_4122
    assert u.node == uuid.getnode()
    if prev is not None:
        assert u.time > prev.time or u.clock_seq != prev.clock_seq
    prev = u
print("uuid1 ok", type(u.time).__name__, u.time > 0x1e0000000000000)
u = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(hex(u.node), hex(u.clock_seq), u.version, u.clock_seq_low, u.clock_seq_hi_variant & 0x3f)
u = uuid.uuid1(node=0, clock_seq=0)
print(u.node, u.clock_seq)
show("uuid1 big node", lambda: uuid.uuid1(node=1 << 48))
n = uuid.getnode()
print("getnode", type(n).__name__, 0 <= n < 1 << 48, n == uuid.getnode())
