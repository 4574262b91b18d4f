import ipaddress as i
import pickle, copy

A4, A6 = i.IPv4Address, i.IPv6Address
N4, N6 = i.IPv4Network, i.IPv6Network
I4, I6 = i.IPv4Interface, i.IPv6Interface

def show(label, fn):
    try:
        r = fn()
        if hasattr(r, '__next__'):
            r = list(r)
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, str(e).strip())

cases = {
    'v4 float': lambda: A4(1.5), 'v4 None': lambda: A4(None),
    'net float mask': lambda: N4(("1.2.3.0", 2.5)),
    'net 1-tuple': lambda: N4(("1.2.3.0",)), 'net 3-tuple': lambda: N4((1, 2, 3)),
    'getitem str': lambda: N4("1.2.3.0/24")["a"],
    'contains int': lambda: 5 in N4("1.2.3.0/24"),
    'contains net': lambda: N4("1.2.3.0/25") in N4("1.2.3.0/24"),
    'contains v6': lambda: A6("::1") in N4("1.2.3.0/24"),
    'mask 33': lambda: N4("1.2.3.0/33"), 'mask int 33': lambda: N4(("1.2.3.0", 33)),
    'mask int -1': lambda: N4(("1.2.3.0", -1)),
    'v6 netmask str': lambda: N6("::/ff::"),
    'eq str': lambda: A4("1.2.3.4") == "1.2.3.4",
    'lt str': lambda: A4("1.2.3.4") < "a",
    'add float': lambda: A4("1.2.3.4") + 1.0, 'radd': lambda: 1 + A4("1.2.3.4"),
    'add': lambda: A4("1.2.3.4") + 300, 'sub': lambda: A6("::1%x") - 1,
    'add overflow': lambda: A4("255.255.255.255") + 1,
    'sub underflow': lambda: A4("0.0.0.0") - 1,
    'iface add': lambda: I4("1.2.3.4/24") + 1,
    'subnets np<': lambda: N4("10.0.0.0/8").subnets(new_prefix=7),
    'subnets both': lambda: N4("10.0.0.0/8").subnets(2, new_prefix=10),
    'subnets neg': lambda: N4("10.0.0.0/8").subnets(-1),
    'subnets np': lambda: N4("10.0.0.0/8").subnets(new_prefix=10),
    'subnets /32': lambda: N4("10.0.0.1/32").subnets(5),
    'subnets v6': lambda: N6("2001:db8::/126").subnets(1),
    'supernet np>': lambda: N4("10.0.0.0/8").supernet(new_prefix=9),
    'supernet both': lambda: N4("10.0.0.0/8").supernet(2, new_prefix=4),
    'supernet 9': lambda: N4("10.0.0.0/8").supernet(9),
    'supernet np': lambda: N4("10.0.0.0/8").supernet(new_prefix=2),
    'supernet /0': lambda: N4("0.0.0.0/0").supernet(),
    'supernet v6': lambda: N6("2001:db8::/32").supernet(prefixlen_diff=3),
    'subnets 25': lambda: N4("10.0.0.0/8").subnets(25),
    'ip_address bad': lambda: i.ip_address("1.2.3"),
    'ip_address int': lambda: i.ip_address(2**32),
    'ip_address big': lambda: i.ip_address(2**128),
    'ip_network bad': lambda: i.ip_network("1.2.3.4/99"),
    'ip_interface bad': lambda: i.ip_interface("x"),
    'ip_interface int': lambda: i.ip_interface(5),
    'v6 packed short': lambda: A6(b"12"), 'v4 packed': lambda: A4(b"\x01\x02\x03\x04"),
    'v4 -1': lambda: A4(-1), 'v6 2**128': lambda: A6(2**128),
    'mixed mask': lambda: N4("1.2.3.4/255.0.255.0"),
    'mask -1': lambda: N4("1.2.3.4/-1"), 'mask space': lambda: N4("1.2.3.4/ 8"),
    'mask arabic': lambda: N4("1.2.3.4/\u0663"), 'octet arabic': lambda: A4("\u0661.2.3.4"),
    'hextet arabic': lambda: A6("::\u0661"),
    'idx 300': lambda: N4("1.2.3.0/24")[300], 'idx -300': lambda: N4("1.2.3.0/24")[-300],
    'idx -1': lambda: N4("1.2.3.0/24")[-1], 'idx -256': lambda: N4("1.2.3.0/24")[-256],
    'idx 255': lambda: N4("1.2.3.0/24")[255], 'idx 256': lambda: N4("1.2.3.0/24")[256],
    'net lt v6': lambda: N4("1.2.3.0/24") < N6("::/0"),
    'net lt addr': lambda: N4("1.2.3.0/24") < A4("1.2.3.4"),
    'compare v6': lambda: N4("1.2.3.0/24").compare_networks(N6("::/0")),
    'compare': lambda: [N4("1.2.3.0/24").compare_networks(N4(x)) for x in ("1.2.3.0/25", "1.2.3.0/24", "1.2.3.0/23", "1.2.2.0/24", "1.2.4.0/24")],
    'subnet_of addr': lambda: N4("1.2.3.0/24").subnet_of(A4("1.2.3.4")),
    'subnet_of v6': lambda: N4("1.2.3.0/24").subnet_of(N6("::/0")),
    'supernet_of': lambda: N4("1.2.0.0/16").supernet_of(N4("1.2.3.0/24")),
    'exclude out': lambda: N4("1.2.3.0/24").address_exclude(N4("1.2.4.0/24")),
    'exclude addr': lambda: N4("1.2.3.0/24").address_exclude(A4("1.2.4.0")),
    'exclude v6': lambda: N4("1.2.3.0/24").address_exclude(N6("::/0")),
    'exclude self': lambda: N4("1.2.3.0/24").address_exclude(N4("1.2.3.0/24")),
    'exclude': lambda: N4("10.0.0.0/8").address_exclude(N4("10.1.2.0/23")),
    'exclude v6 ok': lambda: N6("2001:db8::/32").address_exclude(N6("2001:db8::1/128")),
    'scope empty': lambda: A6("fe80::1%"), 'scope two': lambda: A6("fe80::1%a%b"),
    'hash net': lambda: hash(N4("1.0.0.0/8")),
    'hash v4': lambda: hash(A4("1.0.0.0")) == hash(hex(16777216)),
    'hostmask': lambda: I4("1.2.3.4/24").hostmask,
    'strict': lambda: i.ip_network("1.2.3.4/24"),
    'nonstrict': lambda: i.ip_network("1.2.3.4/24", strict=False),
    'packed v4 big': lambda: i.v4_int_to_packed(2**32), 'packed v6 neg': lambda: i.v6_int_to_packed(-1),
    'packed ok': lambda: (i.v4_int_to_packed(258), i.v6_int_to_packed(1)),
    'summ mixed': lambda: i.summarize_address_range(A4("1.1.1.1"), A6("::1")),
    'summ net': lambda: i.summarize_address_range(N4("1.1.1.0/24"), A4("1.1.1.1")),
    'summ reversed': lambda: i.summarize_address_range(A4("1.1.1.2"), A4("1.1.1.1")),
    'summ': lambda: i.summarize_address_range(A4("1.1.1.1"), A4("1.1.2.200")),
    'summ all': lambda: i.summarize_address_range(A4("0.0.0.0"), A4("255.255.255.255")),
    'summ v6 top': lambda: i.summarize_address_range(A6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0"), A6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
    'collapse mixed a': lambda: i.collapse_addresses([A4("1.1.1.1"), A6("::1")]),
    'collapse mixed n': lambda: i.collapse_addresses([N4("1.1.1.0/24"), N6("::/64")]),
    'collapse mixed an': lambda: i.collapse_addresses([A4("1.1.1.1"), N6("::/64")]),
    'collapse mixed full': lambda: i.collapse_addresses([A4("1.1.1.1"), N6("::1/128")]),
    'collapse': lambda: i.collapse_addresses([N4("1.1.0.0/24"), N4("1.1.1.0/24"), A4("1.1.2.0"), A4("1.1.2.1"), N4("1.1.2.2/32"), A4("1.1.2.3"), N4("1.0.0.0/8"), N4("2.0.0.0/8")]),
    'collapse v6': lambda: i.collapse_addresses([A6("::%d" % k) for k in range(1, 20)]),
    'collapse ifaces': lambda: i.collapse_addresses([I4("1.1.1.0/24"), I4("1.1.1.1/24")]),
    'collapse empty': lambda: i.collapse_addresses([]),
    'mixed key': lambda: i.get_mixed_type_key(5),
    'mixed sort': lambda: sorted([N4("1.0.0.0/8"), A4("1.0.0.0"), N4("1.0.0.0/16"), A4("0.0.0.1")], key=i.get_mixed_type_key),
    'base version': lambda: i._IPAddressBase().version,
    'iface eq addr': lambda: I4("1.2.3.4/24") == A4("1.2.3.4"),
    'addr eq iface': lambda: A4("1.2.3.4") == I4("1.2.3.4/24"),
    'iface eq iface': lambda: (I4("1.2.3.4/24") == I4("1.2.3.4/24"), I4("1.2.3.4/24") == I4("1.2.3.4/25")),
    'iface lt addr': lambda: I4("1.2.3.4/24") < A4("1.2.3.5"),
    'addr lt iface': lambda: A4("1.2.3.4") < I4("1.2.3.5/24"),
    'iface lt': lambda: (I4("1.2.3.4/24") < I4("1.2.3.3/25"), I4("1.2.3.4/24") < I4("1.2.3.5/24"), I4("1.2.3.4/24") <= I4("1.2.3.4/24")),
    'iface v6 eq': lambda: (I6("::1/64") == I6("::1/64"), I6("::1%a/64") == I6("::1/64"), I6("::1/64") == A6("::1")),
    'reduce addr': lambda: A4("1.2.3.4").__reduce__(),
    'reduce iface': lambda: I4("1.2.3.4/24").__reduce__(),
    'reduce v6 scope': lambda: A6("::1%x").__reduce__(),
    'reduce net': lambda: N4("1.2.3.4/24", False).__reduce__(),
    'hosts /32': lambda: N4("1.2.3.4/32").hosts(), 'hosts /31': lambda: N4("1.2.3.4/31").hosts(),
    'hosts /30': lambda: N4("1.2.3.4/30").hosts(), 'hosts v6 /126': lambda: N6("::/126").hosts(),
    'hosts v6 /127': lambda: N6("::/127").hosts(), 'hosts v6 /128': lambda: N6("::5%e/128").hosts(),
    'v6 9 parts': lambda: A6("1:2:3:4:5:6:7:8:9"), 'v6 10 parts': lambda: A6("1:2:3:4:5:6:7:8:9:0"),
    'v6 two ::': lambda: A6("1::2::3"), 'v6 lead': lambda: A6(":1:2:3:4:5:6:7"),
    'v6 too many with ::': lambda: A6("1::2:3:4:5:6:7:8"), 'v6 trail': lambda: A6("1:2:3:4:5:6:7:"),
    'v6 lead ::': lambda: A6(":1::2"), 'v6 trail ::': lambda: A6("1::2:"), 'v6 2 parts': lambda: A6("1:2"),
    'v6 long hextet': lambda: A6("12345::"), 'v6 g': lambda: A6("g::"), 'v6 bad v4': lambda: A6("::1.2.3"),
    'v6 v4 too many': lambda: A6("1:2:3:4:5:6:7:1.2.3.4"), 'v6 mapped': lambda: A6("::ffff:1.2.3.4"),
    'v6 v4 tail': lambda: A6("1:2:3:4:5:6:1.2.3.4"), 'v6 empty': lambda: A6(""), 'v4 empty': lambda: A4(""),
    'v6 :::': lambda: A6(":::"), 'v6 1:::2': lambda: A6("1:::2"), 'v6 ::': lambda: A6("::"),
    'v6 1::': lambda: A6("1::"), 'v6 ::1:2:3:4:5:6:7': lambda: A6("::1:2:3:4:5:6:7"),
    'v6 1:2:3:4:5:6:7::': lambda: A6("1:2:3:4:5:6:7::"), 'v6 :: 8 more': lambda: A6("::1:2:3:4:5:6:7:8"),
    'v4 leading 0': lambda: A4("1.2.3.04"), 'v4 long': lambda: A4("1.2.3.1234"), 'v4 256': lambda: A4("1.2.3.256"),
    'v4 empty octet': lambda: A4("1.2..3"), 'v4 slash': lambda: A4("1.2.3.4/5"), 'v4 +': lambda: A4("1.2.3.+4"),
    'net 2 slashes': lambda: N4("1.2.3.4/5/6"), 'iface bad mask': lambda: I4("1.2.3.4/0.0.255.0"),
    'v6 mask 129': lambda: N6("::/129"), 'mask 99.9.9.9': lambda: N4("1.2.3.4/99.9.9.9"),
    'mask short': lambda: N4("1.2.3.4/1.2.3"), 'hostmask form': lambda: N4("10.0.0.0/0.255.255.255"),
    'netmask form': lambda: N4("10.0.0.0/255.255.0.0"), 'mask 0.0.0.0': lambda: N4("0.0.0.0/0.0.0.0"),
    'mask all': lambda: N4("1.2.3.4/255.255.255.255"), 'iface hostmask': lambda: I4("1.2.3.4/0.0.0.255"),
    'net int': lambda: N4(16909060), 'net bytes': lambda: N6(b"\x00" * 16),
    'net tuple int mask': lambda: N4((16909056, 24)), 'net tuple addr': lambda: N4((A4("1.2.3.0"), "255.255.255.0")),
    'iface tuple': lambda: I6(("2001:db8::1", 64)), 'iface int': lambda: I4(3),
    'v4 bytes wrong': lambda: A4(b"\x01\x02\x03"), 'v4 bytearray': lambda: A4(bytearray(b"1234")),
    'teredo': lambda: A6("2001:0:4136:e378:8000:63bf:3fff:fdd2").teredo,
    'no teredo': lambda: A6("2002::1").teredo, 'sixtofour': lambda: A6("2002:c000:204::1").sixtofour,
    'no sixtofour': lambda: A6("2001::1").sixtofour, 'mapped': lambda: A6("::ffff:192.168.1.1").ipv4_mapped,
    'not mapped': lambda: A6("::192.168.1.1").ipv4_mapped,
    'scope': lambda: (A6("fe80::1%eth0").scope_id, A6("fe80::1").scope_id, str(A6("fe80::1%eth0"))),
    'scope eq': lambda: (A6("fe80::1%eth0") == A6("fe80::1"), A6("fe80::1%eth0") == A6("fe80::1%eth0"), A6("fe80::1%1") < A6("fe80::2")),
    'scope hash': lambda: hash(A6("fe80::1%eth0")) == hash(A6("fe80::1%eth0")),
    'scope exploded': lambda: A6("fe80::1%eth0").exploded,
    'scope net': lambda: (str(N6("fe80::1%eth0/128")), I6("fe80::1%eth0/64").exploded, str(I6("fe80::1%eth0/64").ip), I6("fe80::1%eth0/64").with_prefixlen, str(I6("fe80::1%eth0/64"))),
    'scope in net': lambda: A6("fe80::1%eth0") in N6("fe80::/64"),
    'rev ptr': lambda: (N4("10.0.0.0/8").reverse_pointer, N6("2001:db8::/32").reverse_pointer, A4("1.2.3.4").reverse_pointer, A6("::1").reverse_pointer, I4("1.2.3.4/8").reverse_pointer),
    'exploded': lambda: (A4("1.2.3.4").exploded, N4("1.2.3.0/24").exploded, I4("1.2.3.4/24").exploded, A6("::1").exploded, N6("2001:db8::/32").exploded, I6("1::2/64").exploded),
    'compressed': lambda: (A6("0:0:1:0:0:0:1:0").compressed, A6("1:0:0:1:0:0:0:1").compressed, A6("1:0:1:0:1:0:1:0").compressed, A6("0:0:0:0:0:0:0:1").compressed, A6("1:0:0:0:0:0:0:0").compressed, A6("1:0:0:2:0:0:3:4").compressed, A6("0:1:0:0:0:0:0:0").compressed),
    'with': lambda: [(x.with_prefixlen, x.with_netmask, x.with_hostmask) for x in (N4("10.0.0.0/8"), I4("10.1.2.3/8"), N6("2001:db8::/32"), I6("2001:db8::9/32"))],
    'masks': lambda: [(x.netmask, x.hostmask) for x in (N4("10.0.0.0/8"), I4("10.1.2.3/8"), N6("2001:db8::/32"), I6("2001:db8::9/32"))],
    'num': lambda: (N4("10.0.0.0/8").num_addresses, N6("::/0").num_addresses, N4("1.1.1.1/32").num_addresses),
    'overlaps': lambda: (N4("10.0.0.0/8").overlaps(N4("10.1.0.0/16")), N4("10.0.0.0/8").overlaps(N4("11.0.0.0/8")), N4("10.0.0.0/8").overlaps(N6("::/0"))),
    'ordering': lambda: sorted([A4("10.0.0.2"), A4("10.0.0.1"), A4("9.255.255.255")]),
    'net ordering': lambda: sorted([N4("10.0.0.0/16"), N4("10.0.0.0/8"), N4("9.0.0.0/8")]),
    'iface ordering': lambda: sorted([I4("10.0.0.2/8"), I4("10.0.0.1/16"), I4("10.0.0.1/8")]),
    'total ordering': lambda: (A4("1.1.1.1") <= A4("1.1.1.1"), A4("1.1.1.2") > A4("1.1.1.1"), N4("1.0.0.0/8") >= N4("1.0.0.0/9"), A4("1.1.1.1") >= A6("::1")),
    'max min': lambda: (max(A4("1.1.1.1"), A4("1.1.1.9")), min(N6("::/1"), N6("::/0"))),
    'set': lambda: len({A4("1.1.1.1"), A4("1.1.1.1"), I4("1.1.1.1/32"), I4("1.1.1.1/24"), N4("1.1.1.1/32")}),
    'dict': lambda: {N4("1.0.0.0/8"): 1, N4("1.0.0.0/8"): 2},
    'int': lambda: (int(A4("1.2.3.4")), int(A6("::ff")), int(I4("1.2.3.4/8"))),
    'bool': lambda: (bool(A4("0.0.0.0")), bool(N4("0.0.0.0/32"))),
    'pickle': lambda: [pickle.loads(pickle.dumps(x)) for x in (A4("1.2.3.4"), A6("fe80::1%eth0"), N4("1.2.3.0/24"), N6("::/64"), I4("1.2.3.4/24"), I6("::1%z/64"))],
    'copy': lambda: [copy.deepcopy(x) for x in (A4("1.2.3.4"), N4("1.2.3.0/24"), I6("::1/64"))],
    'attrs v4': lambda: [getattr(A4("1.2.3.4"), n) for n in ("version", "max_prefixlen", "packed", "compressed")],
    'attrs v6': lambda: [getattr(N6("::/8"), n) for n in ("version", "max_prefixlen", "prefixlen", "network_address", "broadcast_address")],
    'slots': lambda: A4("1.2.3.4").__setattr__("x", 1),
    'iface ip net': lambda: (I4("1.2.3.4/24").ip, I4("1.2.3.4/24").network, I6("1::2/64").ip, I6("1::2/64").network),
    'repr': lambda: [repr(x) for x in (A4("1.2.3.4"), A6("::1%3"), N4("1.2.3.0/24"), N6("::/0"), I4("1.2.3.4/24"), I6("::1/128"))],
    'v6 is_ iface': lambda: [(x.is_unspecified, x.is_loopback) for x in (I6("::/128"), I6("::/64"), I6("::1/128"), I6("::1/64"), I4("0.0.0.0/32"), I4("127.0.0.1/8"))],
    'str subclass arg': lambda: A4(type("S", (str,), {})("1.2.3.4")),
    'bool arg': lambda: (A4(True), N4((False, 0))),
}
for k, f in cases.items():
    show(k, f)

fmts = ['', 's', '>20s', 'b', 'x', 'X', 'n', '_b', '_x', '_X', '_n', '#b', '#x', '#X', '#n', '#_b', '#_x', '#_X', '#_n', 'd', '08b', 'o', '_#x', 'xx', '^30']
for obj in (A4("192.168.1.10"), A6("2001:db8::1%eth0"), I4("10.1.1.1/8"), I6("::1/64"), N4("1.0.0.0/8")):
    for f in fmts:
        show('format %r %r' % (obj, f), lambda: format(obj, f))
    show('fstring', lambda: f'{obj!r:>40}|{obj}')

props = ['is_private', 'is_global', 'is_multicast', 'is_reserved', 'is_loopback', 'is_link_local', 'is_unspecified']
v4s = ['0.0.0.0', '10.1.1.1', '100.64.0.1', '100.63.0.1', '127.0.0.1', '169.254.1.1', '172.16.0.1', '172.32.0.1', '192.0.0.7', '192.0.0.8', '192.0.0.9', '192.0.0.170', '192.0.0.171', '192.0.0.172', '192.0.2.5', '192.168.3.3', '198.18.0.1', '198.51.100.7', '203.0.113.1', '224.0.0.1', '239.255.255.255', '240.0.0.1', '255.255.255.255', '8.8.8.8']
for t in v4s:
    for cls, arg in ((A4, t), (I4, t + '/24'), (N4, t + '/32')):
        x = cls(arg, ) if cls is not N4 else cls(arg)
        print(repr(x), [getattr(x, p) for p in props])
v4n = ['0.0.0.0/0', '0.0.0.0/7', '10.0.0.0/8', '10.0.0.0/7', '100.64.0.0/10', '224.0.0.0/4', '240.0.0.0/4', '127.0.0.0/8', '169.254.0.0/16', '192.0.0.0/24']
for t in v4n:
    x = N4(t)
    print(repr(x), [getattr(x, p) for p in props])
v6s = ['::', '::1', '::2', '::ffff:10.0.0.1', '::ffff:8.8.8.8', '::ffff:100.64.0.1', '2001:db8::1', '2001:2::1', '64:ff9b::1', '100::1', '100:0:0:1::1', '2001::1', '2001:10::1', '2001:20::1', '2001:200::1', 'fc00::1', 'fe80::1', 'febf::1', 'fec0::1', 'ff02::1', '2002::1', '2606:4700::1', 'fe00::1', '4000::1', 'e000::1']
for t in v6s:
    for cls, arg in ((A6, t), (I6, t + '/64'), (N6, t + '/128')):
        x = cls(arg)
        print(repr(x), [getattr(x, p) for p in props + ['is_site_local']])
v6n = ['::/0', '::/8', 'fe80::/10', 'fe80::/11', 'ff00::/8', 'fc00::/7', 'fec0::/10', '2001:db8::/32', '2001::/16', '::ffff:0:0/96']
for t in v6n:
    x = N6(t)
    print(repr(x), [getattr(x, p) for p in props + ['is_site_local']])

class MyAddr(i.IPv4Address):
    pass
class MyNet(i.IPv6Network):
    pass
m = MyAddr('1.2.3.4')
print(repr(m + 1), repr(m), m == A4('1.2.3.4'), m.__reduce__()[0].__name__)
n = MyNet('2001:db8::/126')
print(repr(n), list(n.subnets()), n.supernet(), list(n.hosts()), n[1])
