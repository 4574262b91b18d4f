# ipaddress: factories, properties, network operations and messages vs CPython.
import ipaddress as ip


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


addrs = ["0.0.0.0", "127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "8.8.8.8",
         "224.0.0.1", "255.255.255.255", "169.254.1.1", "100.64.0.1", "192.0.2.5", "240.0.0.1",
         "::", "::1", "fe80::1", "fec0::1", "ff02::1", "2001:db8::1", "::ffff:192.168.0.1",
         "2002:c000:0204::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2606:4700::1111",
         "fc00::5", "100::1", "1:2:3:4:5:6:7:8", "1::", "1:0:0:2::3", "0:0:1::", "fe80::1%eth0",
         "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "64:ff9b::1"]
props = ["version", "max_prefixlen", "compressed", "exploded", "packed", "reverse_pointer",
         "is_private", "is_global", "is_multicast", "is_reserved", "is_loopback",
         "is_link_local", "is_unspecified"]
v6props = ["is_site_local", "ipv4_mapped", "sixtofour", "teredo", "scope_id"]
for a in addrs:
    obj = ip.ip_address(a)
    print(repr(obj), str(obj), int(obj), hash(obj) == hash(ip.ip_address(a)))
    for p in props + (v6props if obj.version == 6 else []):
        show("  " + p, lambda: getattr(obj, p))
    for spec in ["", "s", "b", "x", "X", "n", "#b", "#x", "_b", "_x", "#_X", ">50s", "d", "bb"]:
        show("  format %r" % spec, lambda: format(obj, spec))

bad = ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1.2.3.04", "1.2.3.4/24",
       "a.b.c.d", "1.2.3.1234", " 1.2.3.4", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::",
       "g::", "1:2:3:4:5:6:7", ":1:2::", "1::2:", "fe80::1%", "::1.2.3", "1.2.3.4::",
       "1:2:3:4:5:6:7:1.2.3.4", "::%x/64", "1.2.3.4%x", "0x1.2.3.4", "١.2.3.4"]
for b in bad:
    for cls in (ip.IPv4Address, ip.IPv6Address):
        show("%s(%r)" % (cls.__name__, b), lambda: cls(b))
    show("ip_address(%r)" % b, lambda: ip.ip_address(b))
for v in [0, 1, 2**32 - 1, 2**32, 2**128 - 1, 2**128, -1, b"\x01\x02\x03\x04", b"\x00" * 16,
          b"\x01\x02\x03", b"\x00" * 17, 3.5, None, ["1.2.3.4"]]:
    show("ip_address(%r)" % (v,), lambda: ip.ip_address(v))
    show("IPv4Address(%r)" % (v,), lambda: ip.IPv4Address(v))
    show("IPv6Address(%r)" % (v,), lambda: ip.IPv6Address(v))

nets = ["10.0.0.0/8", "192.168.1.0/24", "192.168.1.0/255.255.255.0", "192.168.1.0/0.0.0.255",
        "192.168.1.5/24", "0.0.0.0/0", "1.2.3.4/32", "1.2.3.4/31", "1.2.3.4", "2001:db8::/32",
        "2001:db8::/127", "::/0", "fe80::/10", "::1/128", "2001:db8::1/64", "1.2.3.0/33",
        "1.2.3.0/255.0.255.0", "1.2.3.0/x", "1.2.3.0/-1", "1.2.3.0/ 8", "::/129", "1.2.3.0/24/1",
        "2001:db8::/ff::", ("10.0.0.0", 8), ("10.0.0.0", "255.0.0.0"), (167772160, 8),
        (b"\n\x00\x00\x00", 8), ("2001:db8::", 48), 167772160, ("1.2.3.4",), ("1.2.3.4", 8, 1)]
for n in nets:
    show("ip_network(%r)" % (n,), lambda: ip.ip_network(n))
    show("ip_network(%r, False)" % (n,), lambda: ip.ip_network(n, strict=False))
    show("ip_interface(%r)" % (n,), lambda: ip.ip_interface(n))

for n in ["192.168.0.0/28", "10.0.0.0/30", "10.0.0.0/31", "10.0.0.1/32", "2001:db8::/125",
          "2001:db8::/127", "2001:db8::1/128"]:
    net = ip.ip_network(n)
    print(net, net.num_addresses, net.prefixlen, net.netmask, net.hostmask, net.broadcast_address,
          net.with_prefixlen, net.with_netmask, net.with_hostmask, net.compressed, net.exploded)
    print("  hosts", [str(h) for h in net.hosts()][:6], len(list(net)))
    print("  subnets", [str(s) for s in net.subnets()], net.supernet(), net.supernet(3))
    print("  props", net.is_private, net.is_global, net.is_multicast, net.is_reserved,
          net.is_loopback, net.is_link_local, net.is_unspecified, net.reverse_pointer)
    print("  index", net[0], net[-1], net[1] if net.num_addresses > 1 else "")
    show("  index big", lambda: net[net.num_addresses])
    show("  index -big", lambda: net[-net.num_addresses - 1])
    print("  contains", net[0] in net, ip.ip_address("10.0.0.1") in net)
net = ip.ip_network("10.0.0.0/24")
print([str(s) for s in net.subnets(prefixlen_diff=2)])
print([str(s) for s in net.subnets(new_prefix=26)])
for kw in [dict(new_prefix=23), dict(prefixlen_diff=0), dict(prefixlen_diff=9),
           dict(prefixlen_diff=2, new_prefix=26), dict(prefixlen_diff=-1)]:
    show("subnets %r" % kw, lambda: list(net.subnets(**kw)))
for kw in [dict(new_prefix=16), dict(new_prefix=25), dict(prefixlen_diff=25),
           dict(prefixlen_diff=2, new_prefix=16), dict(prefixlen_diff=24), dict(prefixlen_diff=0)]:
    show("supernet %r" % kw, lambda: net.supernet(**kw))
show("supernet /0", lambda: ip.ip_network("0.0.0.0/0").supernet())
show("exclude", lambda: list(net.address_exclude(ip.ip_network("10.0.0.64/26"))))
show("exclude same", lambda: list(net.address_exclude(net)))
show("exclude host", lambda: list(net.address_exclude(ip.ip_network("10.0.0.7/32"))))
show("exclude out", lambda: list(net.address_exclude(ip.ip_network("10.1.0.0/26"))))
show("exclude v6", lambda: list(net.address_exclude(ip.ip_network("::/64"))))
show("exclude addr", lambda: list(net.address_exclude(ip.ip_address("10.0.0.1"))))
show("exclude v6 ok", lambda: list(ip.ip_network("2001:db8::/125").address_exclude(ip.ip_network("2001:db8::2/127"))))
a, b = ip.ip_network("10.0.0.0/24"), ip.ip_network("10.0.0.0/25")
print(a.overlaps(b), b.subnet_of(a), a.supernet_of(b), a.subnet_of(b), a.compare_networks(b),
      b.compare_networks(a), a.compare_networks(a), a < b, a == b, a != b, sorted([a, b]))
show("subnet_of mixed", lambda: a.subnet_of(ip.ip_network("::/0")))
show("subnet_of addr", lambda: a.subnet_of(ip.ip_address("1.2.3.4")))
show("compare mixed", lambda: a.compare_networks(ip.ip_network("::/0")))
show("lt mixed", lambda: a < ip.ip_network("::/0"))
show("lt addr", lambda: a < ip.ip_address("1.2.3.4"))
show("addr lt mixed", lambda: ip.ip_address("1.2.3.4") < ip.ip_address("::1"))
print(ip.ip_address("1.2.3.4") == ip.ip_address("::1"), ip.ip_address("1.2.3.4") == "1.2.3.4")
x = ip.ip_address("10.0.0.255")
print(x + 1, x - 256, x + 0, int(x), x.packed, hex(int(ip.ip_address("::ffff"))))
show("add overflow", lambda: ip.ip_address("255.255.255.255") + 1)
show("sub underflow", lambda: ip.ip_address("0.0.0.0") - 1)
show("add str", lambda: x + "1")
show("radd", lambda: 1 + x)
show("sub addr", lambda: x - x)

show("summarize", lambda: list(ip.summarize_address_range(ip.ip_address("10.0.0.3"), ip.ip_address("10.0.1.17"))))
show("summarize v6", lambda: list(ip.summarize_address_range(ip.ip_address("::1"), ip.ip_address("::ff"))))
show("summarize all", lambda: list(ip.summarize_address_range(ip.ip_address("0.0.0.0"), ip.ip_address("255.255.255.255"))))
show("summarize rev", lambda: list(ip.summarize_address_range(ip.ip_address("10.0.0.3"), ip.ip_address("10.0.0.1"))))
show("summarize mixed", lambda: list(ip.summarize_address_range(ip.ip_address("10.0.0.3"), ip.ip_address("::1"))))
show("summarize net", lambda: list(ip.summarize_address_range(net, ip.ip_address("::1"))))
show("collapse", lambda: list(ip.collapse_addresses([ip.ip_network("10.0.0.0/25"), ip.ip_network("10.0.0.128/25"),
                                                     ip.ip_network("10.0.1.0/24"), ip.ip_network("10.0.0.64/26"),
                                                     ip.ip_address("10.0.2.0"), ip.ip_address("10.0.2.1"),
                                                     ip.ip_address("10.0.2.3")])))
show("collapse v6", lambda: list(ip.collapse_addresses(ip.ip_network("2001:db8::%x/128" % i) for i in range(9))))
show("collapse mixed", lambda: list(ip.collapse_addresses([ip.ip_network("10.0.0.0/25"), ip.ip_network("::/0")])))
show("collapse mixed addr", lambda: list(ip.collapse_addresses([ip.ip_address("10.0.0.0"), ip.ip_address("::")])))
show("collapse iface", lambda: list(ip.collapse_addresses([ip.ip_interface("10.0.0.1/24")])))
show("collapse empty", lambda: list(ip.collapse_addresses([])))
items = [ip.ip_network("10.0.0.0/24"), ip.ip_address("10.0.0.5"), ip.ip_network("10.0.0.0/16"),
         ip.ip_address("9.9.9.9"), ip.ip_network("::/0"), ip.ip_address("::1")]
print(sorted(items, key=ip.get_mixed_type_key))
print(ip.get_mixed_type_key("x"))
print(ip.v4_int_to_packed(3232235777), ip.v6_int_to_packed(1))
show("v4pack big", lambda: ip.v4_int_to_packed(2**32))
show("v4pack neg", lambda: ip.v4_int_to_packed(-1))
show("v6pack big", lambda: ip.v6_int_to_packed(2**128))

for s in ["192.168.1.5/24", "10.0.0.1/255.255.0.0", "10.0.0.1", "2001:db8::5/64", "fe80::1%eth0/64", "::1/128"]:
    i = ip.ip_interface(s)
    print(repr(i), str(i), i.ip, i.network, i.netmask, i.hostmask, i.with_prefixlen,
          i.with_netmask, i.with_hostmask, i.is_private, i.is_loopback, i.is_global, hash(i) == hash(ip.ip_interface(s)),
          i == ip.ip_interface(s), i == i.ip, i < ip.ip_interface("255.255.255.255/32") if i.version == 4 else "")
    print("   ", i.compressed, i.exploded, i.max_prefixlen, i.version, i.reverse_pointer)
print(ip.ip_interface("10.0.0.1/24") < ip.ip_interface("10.0.0.1/25"),
      ip.ip_interface("10.0.0.1/24") < ip.ip_interface("10.0.0.0/24"),
      ip.ip_interface("10.0.0.1/24") < ip.ip_address("10.0.0.2"))
show("iface lt mixed", lambda: ip.ip_interface("10.0.0.1/24") < ip.ip_interface("::1/64"))
s6 = ip.ip_address("fe80::1%eth0")
print(s6.scope_id, repr(s6), s6 == ip.ip_address("fe80::1"), s6 == ip.ip_address("fe80::1%eth0"),
      hash(s6) == hash(ip.ip_address("fe80::1")), s6.packed, str(s6 + 1))
show("scope net", lambda: ip.ip_network("fe80::%1/64"))
show("scope bad", lambda: ip.ip_address("fe80::1%a%b"))
show("scope bad2", lambda: ip.ip_address("fe80::1%a/b"))
print(type(ip.IPv4Network("10.0.0.0/8").hosts).__name__, callable(ip.IPv4Network("10.0.0.1/32").hosts))
import pickle, copy
for o in [ip.ip_address("1.2.3.4"), ip.ip_address("fe80::1%x"), ip.ip_network("10.0.0.0/8"),
          ip.ip_interface("10.1.2.3/16"), ip.ip_interface("fe80::1%x/64")]:
    o2 = pickle.loads(pickle.dumps(o))
    print(repr(o2), o2 == o, copy.copy(o) == o, copy.deepcopy(o) == o)
print(ip.IPV4LENGTH, ip.IPV6LENGTH, issubclass(ip.AddressValueError, ValueError),
      issubclass(ip.NetmaskValueError, ValueError))


class MyAddr(ip.IPv4Address):
    pass


m = MyAddr("1.2.3.4")
print(repr(m), repr(m + 1), type(m + 1).__name__, m == ip.IPv4Address("1.2.3.4"))
print(ip.IPv4Address("1.2.3.4").__reduce__(), ip.IPv6Address("::1").__reduce__())
print(ip.IPv4Network("1.2.3.0/24").__reduce__(), ip.IPv4Interface("1.2.3.4/24").__reduce__())
