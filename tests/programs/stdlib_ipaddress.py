# ipaddress: parsing and its errors, properties, networks, interfaces, summarizing.
import ipaddress as I
import sys

def t(label, f):
    try:
        r = f()
        if hasattr(r, '__next__') or isinstance(r, (map, filter)):
            r = list(r)
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, str(e))

print(I.IPV4LENGTH, I.IPV6LENGTH)
print(issubclass(I.AddressValueError, ValueError), issubclass(I.NetmaskValueError, ValueError))

# --- address construction
for a in ['192.168.0.1', '0.0.0.0', '255.255.255.255', 3232235521, b'\xc0\xa8\x00\x01',
          '::1', '::', 'fe80::1%eth0', '2001:db8::8a2e:370:7334', '1:2:3:4:5:6:7:8',
          '::ffff:1.2.3.4', 2**32, 2**128 - 1, b'\x00' * 16, '1.2.3', '1.2.3.4.5', '',
          '256.1.1.1', '01.1.1.1', '1.2.3.4/24', 'a.b.c.d', '1..2.3', '1.2.3.1234',
          '::1::2', ':1:2', '1:2:', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::1',
          '12345::', '1:2:3:4:5:6:7::8', '::1.2.3.256', '1:2', 'fe80::1%', -5, 2**129,
          1.5, None, '１.2.3.4', ':::', '1::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8::',
          '::1:2:3:4:5:6:7', '0:0:0:0:0:0:0:0', '1:0:0:2:0:0:0:3', '1:0:0:2:0:0:3:4']:
    t('ip_address(%r)' % (a,), lambda: I.ip_address(a))
    t('  v4(%r)' % (a,), lambda: I.IPv4Address(a))
    t('  v6(%r)' % (a,), lambda: I.IPv6Address(a))

# --- address properties
for s in ['0.0.0.0', '10.1.2.3', '127.0.0.1', '169.254.1.1', '172.16.5.4', '192.0.0.171',
          '192.0.2.1', '192.168.1.1', '198.18.0.1', '100.64.1.1', '224.0.0.1', '240.0.0.1',
          '255.255.255.255', '8.8.8.8', '1.2.3.4',
          '::', '::1', 'fe80::1', 'fec0::1', 'ff02::1', '2001:db8::1', 'fc00::1',
          '2001::1', '2002:c000:204::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2',
          '::ffff:8.8.8.8', '::ffff:10.0.0.1', '2606:4700::1111', '100::1', 'fe80::1%2']:
    a = I.ip_address(s)
    print(repr(a), str(a), int(a), a.version, a.max_prefixlen)
    print('  packed', a.packed, 'rp', end=' ')
    try:
        print(a.reverse_pointer)
    except Exception as e:
        print('!!', type(e).__name__, e)
    try:
        print('  exploded', a.exploded, 'compressed', a.compressed)
    except Exception as e:
        print('  exploded !!', type(e).__name__, e)
    for p in ['is_private', 'is_global', 'is_loopback', 'is_multicast', 'is_link_local',
              'is_reserved', 'is_unspecified']:
        print('  ', p, getattr(a, p))
    if a.version == 6:
        print('  site', a.is_site_local, 'mapped', a.ipv4_mapped, 'teredo', a.teredo,
              '6to4', a.sixtofour, 'scope', a.scope_id)
    print('  fmt', format(a, ''), format(a, 's'), format(a, 'b'), format(a, '#x'),
          format(a, '_X'), format(a, '#_b'), format(a, 'n'), format(a, '>20s'))
    print('  f', f'{a}', f'{a:#n}')

a = I.IPv4Address('1.2.3.4')
b = I.IPv4Address('1.2.3.5')
c = I.IPv6Address('::1')
t('a+1', lambda: a + 1)
t('a-1', lambda: a - 1)
t('1+a', lambda: 1 + a)
t('a+a', lambda: a + a)
t('a-b', lambda: a - b)
t('max+1', lambda: I.IPv4Address('255.255.255.255') + 1)
t('0-1', lambda: I.IPv4Address('0.0.0.0') - 1)
t('v6max+1', lambda: I.IPv6Address(2**128 - 1) + 1)
t('scope+1', lambda: I.IPv6Address('fe80::1%eth0') + 1)
t('a<b', lambda: a < b)
t('a>b', lambda: a > b)
t('a<=b', lambda: a <= b)
t('a>=a', lambda: a >= a)
t('a==a2', lambda: a == I.IPv4Address('1.2.3.4'))
t('a!=b', lambda: a != b)
t('a==str', lambda: a == '1.2.3.4')
t('a<c', lambda: a < c)
t('a>c', lambda: a > c)
t('a==c', lambda: a == c)
t('a<1', lambda: a < 1)
t('a<net', lambda: a < I.ip_network('1.0.0.0/8'))
t('scope eq', lambda: I.IPv6Address('fe80::1%1') == I.IPv6Address('fe80::1'))
t('scope eq2', lambda: I.IPv6Address('fe80::1%1') == I.IPv6Address('fe80::1%1'))
t('hash', lambda: hash(a) == hash(I.IPv4Address('1.2.3.4')))
t('set', lambda: sorted({a, b, I.IPv4Address('1.2.3.4')}))
t('sorted', lambda: sorted([b, a, I.IPv4Address('0.0.0.1')]))
t('format bad', lambda: format(a, 'q'))
t('format bad2', lambda: format(a, '10d'))
t('v4 packed', lambda: I.v4_int_to_packed(3232235521))
t('v4 packed bad', lambda: I.v4_int_to_packed(2**32))
t('v4 packed neg', lambda: I.v4_int_to_packed(-1))
t('v6 packed', lambda: I.v6_int_to_packed(1))
t('v6 packed bad', lambda: I.v6_int_to_packed(2**128))
t('addr of addr', lambda: I.IPv4Address(a))
t('v6 of v6', lambda: I.IPv6Address(I.IPv6Address('fe80::1%x')))
t('reduce', lambda: a.__reduce__())

# --- networks
for n in ['192.168.0.0/24', '192.168.0.0/255.255.255.0', '192.168.0.0/0.0.0.255',
          '10.0.0.0/8', '0.0.0.0/0', '1.2.3.4/32', '1.2.3.4', '1.2.3.4/31', '1.2.3.0/30',
          '192.168.1.1/24', '192.168.0.0/33', '192.168.0.0/-1', '192.168.0.0/ 24',
          '192.168.0.0/255.0.255.0', '1.2.3.0/24/1', '1.2.3.0/', '1.2.3.0/0x18',
          '2001:db8::/32', '2001:db8::1/32', '::/0', '::1/128', 'fe80::/64', '2001:db8::/129',
          '2001:db8::/ffff::', 'fe80::%eth0/64', '::/127', 3232235520, (3232235520, 24),
          ('192.168.0.0', '24'), ('192.168.0.0', '255.255.255.0'), (I.IPv4Address('10.0.0.0'), 8),
          ('10.0.0.0',), b'\x0a\x00\x00\x00', (42540766411282592856903984951653826560, 32),
          '10.0.0.0/08', '10.0.0.0/8.0']:
    t('ip_network(%r)' % (n,), lambda: I.ip_network(n))
    t('  nonstrict', lambda: I.ip_network(n, strict=False))
    t('  v4net', lambda: I.IPv4Network(n))
    t('  v6net', lambda: I.IPv6Network(n))

for s in ['192.168.0.0/24', '10.0.0.0/30', '1.2.3.4/31', '1.2.3.4/32', '100.64.0.0/10',
          '100.64.0.0/11', '224.0.0.0/24', '0.0.0.0/0',
          '2001:db8::/126', '::1/128', 'fe80::/64', '::/127', 'ff00::/8', 'fec0::/10']:
    n = I.ip_network(s)
    print(repr(n), str(n), n.version, n.max_prefixlen, n.prefixlen)
    print('  ', n.network_address, n.broadcast_address, n.netmask, n.hostmask,
          n.num_addresses)
    print('  ', n.with_prefixlen, n.with_netmask, n.with_hostmask, n.exploded, n.compressed)
    for p in ['is_private', 'is_global', 'is_loopback', 'is_multicast', 'is_link_local',
              'is_reserved', 'is_unspecified']:
        print('    ', p, getattr(n, p))
    if n.version == 6:
        print('    site', n.is_site_local)
    if n.num_addresses <= 8:
        print('  iter', list(n))
        print('  hosts', list(n.hosts()))
    print('  [0]', n[0], '[-1]', n[-1], '[1]', n[1] if n.num_addresses > 1 else None)
    t('  [big]', lambda: n[n.num_addresses])
    t('  [-big]', lambda: n[-n.num_addresses - 1])
    t('  [-n]', lambda: n[-n.num_addresses])
    t('  subnets', lambda: list(n.subnets())[:4])
    t('  supernet', lambda: n.supernet())
    t('  supernet3', lambda: n.supernet(prefixlen_diff=3))
    t('  supernet np', lambda: n.supernet(new_prefix=4))

n = I.ip_network('192.168.0.0/24')
t('subnets 2', lambda: list(n.subnets(prefixlen_diff=2)))
t('subnets np', lambda: list(n.subnets(new_prefix=26)))
t('subnets np short', lambda: list(n.subnets(new_prefix=20)))
t('subnets both', lambda: list(n.subnets(prefixlen_diff=2, new_prefix=26)))
t('subnets neg', lambda: list(n.subnets(prefixlen_diff=-1)))
t('subnets too big', lambda: list(n.subnets(prefixlen_diff=9)))
t('subnets 0', lambda: list(n.subnets(prefixlen_diff=0)))
t('supernet too big', lambda: n.supernet(prefixlen_diff=25))
t('supernet np long', lambda: n.supernet(new_prefix=25))
t('supernet both', lambda: n.supernet(prefixlen_diff=2, new_prefix=16))
t('supernet 0', lambda: I.ip_network('0.0.0.0/0').supernet())
t('in', lambda: I.IPv4Address('192.168.0.77') in n)
t('not in', lambda: I.IPv4Address('192.168.1.77') in n)
t('v6 in v4', lambda: I.IPv6Address('::1') in n)
t('net in net', lambda: I.ip_network('192.168.0.0/25') in n)
t('str in', lambda: '192.168.0.1' in n)
t('overlaps', lambda: n.overlaps(I.ip_network('192.168.0.128/25')))
t('overlaps2', lambda: n.overlaps(I.ip_network('192.168.1.0/24')))
t('overlaps3', lambda: n.overlaps(I.ip_network('192.0.0.0/8')))
t('subnet_of', lambda: I.ip_network('192.168.0.0/25').subnet_of(n))
t('subnet_of2', lambda: n.subnet_of(I.ip_network('192.168.0.0/25')))
t('supernet_of', lambda: n.supernet_of(I.ip_network('192.168.0.0/25')))
t('subnet_of v6', lambda: n.subnet_of(I.ip_network('::/0')))
t('subnet_of addr', lambda: n.subnet_of(I.ip_address('1.2.3.4')))
t('exclude', lambda: list(n.address_exclude(I.ip_network('192.168.0.64/26'))))
t('exclude /32', lambda: list(I.ip_network('10.0.0.0/28').address_exclude(I.ip_network('10.0.0.5/32'))))
t('exclude self', lambda: list(n.address_exclude(n)))
t('exclude outside', lambda: list(n.address_exclude(I.ip_network('10.0.0.0/8'))))
t('exclude v6', lambda: list(n.address_exclude(I.ip_network('::/0'))))
t('exclude addr', lambda: list(n.address_exclude(I.ip_address('192.168.0.1'))))
t('exclude v6b', lambda: list(I.ip_network('2001:db8::/125').address_exclude(I.ip_network('2001:db8::4/127'))))
t('compare', lambda: [n.compare_networks(x) for x in [I.ip_network('192.168.0.0/25'), n, I.ip_network('10.0.0.0/8'), I.ip_network('192.168.0.0/23')]])
t('compare v6', lambda: n.compare_networks(I.ip_network('::/0')))
t('net eq', lambda: n == I.ip_network('192.168.0.0/24'))
t('net ne', lambda: n == I.ip_network('192.168.0.0/25'))
t('net eq str', lambda: n == '192.168.0.0/24')
t('net lt', lambda: n < I.ip_network('192.168.0.0/25'))
t('net gt', lambda: n > I.ip_network('10.0.0.0/8'))
t('net lt v6', lambda: n < I.ip_network('::/0'))
t('net lt addr', lambda: n < I.ip_address('1.1.1.1'))
t('net hash', lambda: len({n, I.ip_network('192.168.0.0/24'), I.ip_network('192.168.0.0/25')}))
t('sorted nets', lambda: sorted([I.ip_network('10.0.0.0/8'), I.ip_network('10.0.0.0/16'), I.ip_network('9.0.0.0/8')]))
t('net reduce', lambda: n.__reduce__())
t('net format', lambda: format(n, ''))
t('net format s', lambda: format(n, 's'))
t('v6 hosts', lambda: list(I.ip_network('2001:db8::/126').hosts()))
t('v6 hosts 127', lambda: list(I.ip_network('2001:db8::/127').hosts()))
t('v6 hosts 128', lambda: list(I.ip_network('2001:db8::1/128').hosts()))
t('v4 hosts 31', lambda: list(I.ip_network('10.0.0.0/31').hosts()))
t('v4 hosts 32', lambda: list(I.ip_network('10.0.0.7/32').hosts()))
t('v4 hosts 29', lambda: list(I.ip_network('10.0.0.8/29').hosts()))
t('v6 scope net', lambda: (I.ip_network('fe80::%eth0/126'), I.ip_network('fe80::%eth0/126').network_address.scope_id))
t('len', lambda: len(list(I.ip_network('10.0.0.0/24'))))
t('net exploded v6', lambda: I.ip_network('2001:db8::/32').exploded)

# --- interfaces
for s in ['192.168.1.5/24', '192.168.1.5', '10.0.0.1/255.0.0.0', '10.0.0.1/0.255.255.255', 3232235777,
          ('192.168.1.5', 24), '1.2.3.4/33', '2001:db8::1/64', '::1', 'fe80::1%eth0/64', 'bogus',
          '::/0', '0.0.0.0/8', '127.0.0.1/8', '::1/128']:
    t('ip_interface(%r)' % (s,), lambda: I.ip_interface(s))
    try:
        i = I.ip_interface(s)
    except ValueError:
        continue
    print('  ', str(i), i.ip, i.network, i.netmask, i.hostmask, i.with_prefixlen, i.with_netmask,
          i.with_hostmask, i.exploded, i.compressed, i.version)
    print('  ', i.is_private, i.is_loopback, i.is_unspecified, i.is_global, i.is_link_local,
          i.reverse_pointer if i.version == 4 else '', int(i), i.packed)
t('iface eq', lambda: I.ip_interface('1.2.3.4/24') == I.ip_interface('1.2.3.4/24'))
t('iface ne', lambda: I.ip_interface('1.2.3.4/24') == I.ip_interface('1.2.3.4/25'))
t('iface eq addr', lambda: I.ip_interface('1.2.3.4/24') == I.ip_address('1.2.3.4'))
t('addr eq iface', lambda: I.ip_address('1.2.3.4') == I.ip_interface('1.2.3.4/24'))
t('iface lt', lambda: I.ip_interface('1.2.3.4/24') < I.ip_interface('1.2.3.5/24'))
t('iface lt2', lambda: I.ip_interface('1.2.3.4/24') < I.ip_interface('1.2.3.4/16'))
t('iface gt', lambda: I.ip_interface('1.2.3.4/24') > I.ip_interface('1.2.3.4/16'))
t('iface lt addr', lambda: I.ip_interface('1.2.3.4/24') < I.ip_address('1.2.3.5'))
t('iface sorted', lambda: sorted([I.ip_interface('1.2.3.4/24'), I.ip_interface('1.2.3.4/16'), I.ip_interface('1.2.3.3/24')]))
t('iface hash', lambda: len({I.ip_interface('1.2.3.4/24'), I.ip_interface('1.2.3.4/24'), I.ip_interface('1.2.3.4/25')}))
t('iface +1', lambda: I.ip_interface('1.2.3.4/24') + 1)
t('iface reduce', lambda: I.ip_interface('1.2.3.4/24').__reduce__())
t('iface6 eq', lambda: I.ip_interface('::1/64') == I.ip_interface('::1/64'))
t('iface6 lt', lambda: I.ip_interface('::1/64') < I.ip_interface('::2/64'))
t('iface exploded', lambda: I.IPv6Interface('2001:db8::1/64').exploded)
t('iface in net', lambda: I.ip_interface('1.2.3.4/24') in I.ip_network('1.2.3.0/24'))

# --- summarize / collapse
t('summ', lambda: list(I.summarize_address_range(I.IPv4Address('192.0.2.0'), I.IPv4Address('192.0.2.130'))))
t('summ all', lambda: list(I.summarize_address_range(I.IPv4Address('0.0.0.0'), I.IPv4Address('255.255.255.255'))))
t('summ end', lambda: list(I.summarize_address_range(I.IPv4Address('255.255.255.250'), I.IPv4Address('255.255.255.255'))))
t('summ one', lambda: list(I.summarize_address_range(I.IPv4Address('1.1.1.1'), I.IPv4Address('1.1.1.1'))))
t('summ v6', lambda: list(I.summarize_address_range(I.IPv6Address('::1'), I.IPv6Address('::10'))))
t('summ v6 all', lambda: list(I.summarize_address_range(I.IPv6Address('::'), I.IPv6Address(2**128 - 1))))
t('summ rev', lambda: list(I.summarize_address_range(I.IPv4Address('1.1.1.2'), I.IPv4Address('1.1.1.1'))))
t('summ mixed', lambda: list(I.summarize_address_range(I.IPv4Address('1.1.1.2'), I.IPv6Address('::1'))))
t('summ net', lambda: list(I.summarize_address_range(I.ip_network('1.1.1.0/24'), I.IPv4Address('1.1.1.1'))))
t('summ not gen', lambda: type(I.summarize_address_range(I.IPv4Address('1.1.1.2'), I.IPv4Address('1.1.1.1'))).__name__)
t('collapse', lambda: list(I.collapse_addresses([I.ip_network('192.0.2.0/25'), I.ip_network('192.0.2.128/25')])))
t('collapse addrs', lambda: list(I.collapse_addresses([I.ip_address('10.0.0.%d' % i) for i in [3, 1, 2, 0, 5, 7, 6, 9]])))
t('collapse mix', lambda: list(I.collapse_addresses([I.ip_network('10.0.0.0/24'), I.ip_network('10.0.1.0/24'), I.ip_address('10.0.2.0'), I.ip_network('10.0.0.0/25'), I.ip_network('10.0.3.0/32'), I.ip_interface('10.0.2.1/32')])))
t('collapse dup', lambda: list(I.collapse_addresses([I.ip_network('10.0.0.0/8')] * 3)))
t('collapse v6', lambda: list(I.collapse_addresses([I.ip_network('2001:db8::/33'), I.ip_network('2001:db8:8000::/33'), I.ip_address('::1')])))
t('collapse mixed ver', lambda: list(I.collapse_addresses([I.ip_address('1.1.1.1'), I.ip_address('::1')])))
t('collapse mixed net', lambda: list(I.collapse_addresses([I.ip_network('1.1.1.0/24'), I.ip_network('::/64')])))
t('collapse empty', lambda: list(I.collapse_addresses([])))
t('mixed key', lambda: sorted([I.ip_network('10.0.0.0/8'), I.ip_address('10.0.0.0'), I.ip_address('9.9.9.9'), I.ip_network('::/0'), I.ip_address('::1')], key=I.get_mixed_type_key))
t('mixed key other', lambda: I.get_mixed_type_key(5))
t('ipv6 compress', lambda: [str(I.IPv6Address(x)) for x in ['1:0:0:1:0:0:0:1', '0:0:1:0:0:1:0:0', '1:0:1:0:1:0:1:0', '0:1:0:0:0:0:0:0', '1:2:3:4:5:6:0:0', '0:0:0:0:0:0:0:1', 'FFFF::ABCD']])
t('repr v6', lambda: repr(I.IPv6Address('2001:DB8::1')))
t('str', lambda: str(I.IPv4Network('10.0.0.0/8')))
print('done')
import copy, pickle
for obj in [I.ip_address('1.2.3.4'), I.ip_address('fe80::1%eth0'), I.ip_network('10.0.0.0/8'),
            I.ip_interface('10.1.2.3/8'), I.ip_interface('2001:db8::5/64')]:
    t('copy %r' % obj, lambda: (copy.copy(obj), copy.deepcopy(obj) == obj))
    t('pickle %r' % obj, lambda: pickle.loads(pickle.dumps(obj)) == obj)
def setattr_test():
    a = I.ip_address('1.2.3.4'); a.foo = 1
t('slots', setattr_test)
t('dict', lambda: {I.ip_address('1.2.3.4'): 'x'}[I.IPv4Address(16909060)])
t('net getitem slice', lambda: I.ip_network('10.0.0.0/30')[1:3])
t('net bool', lambda: bool(I.ip_network('10.0.0.0/30')))
t('addr bool', lambda: bool(I.ip_address('0.0.0.0')))
t('hosts type', lambda: I.ip_network('10.0.0.0/24').hosts().__class__.__name__)
t('str subclass', lambda: I.ip_address(type('S', (str,), {})('1.2.3.4')))
t('int bool', lambda: I.ip_address(True))
t('network eq addr', lambda: I.ip_network('1.2.3.4/32') == I.ip_address('1.2.3.4'))
print('end')
import itertools
t('islice hosts', lambda: list(itertools.islice(I.ip_network('10.0.0.0/8').hosts(), 3)))
t('islice v6 hosts', lambda: list(itertools.islice(I.ip_network('2001:db8::/32').hosts(), 2)))
t('net of net', lambda: I.IPv4Network(I.IPv4Network('1.2.3.0/24')))
t('iface of iface', lambda: I.IPv4Interface(I.IPv4Interface('1.2.3.4/24')))
t('net of addr', lambda: I.ip_network(I.ip_address('1.2.3.4')))
t('v6 net of addr', lambda: I.ip_network(I.ip_address('::1')))
t('subnets /32', lambda: list(I.ip_network('1.2.3.4/32').subnets()))
t('subnets /32 np', lambda: list(I.ip_network('1.2.3.4/32').subnets(new_prefix=40)))
t('v6 subnets', lambda: list(I.ip_network('2001:db8::/64').subnets(new_prefix=66)))
t('num v6', lambda: I.ip_network('::/0').num_addresses)
t('embedded', lambda: [str(I.ip_address(x)) for x in ['::1.2.3.4', '64:ff9b::192.0.2.33', '1:2:3:4:5:6:1.2.3.4']])
t('embedded bad', lambda: I.ip_address('1:2:3:4:5:6:7:1.2.3.4'))
t('upper hex', lambda: I.ip_address('ABCD:EF01::'))
t('hextet 5', lambda: I.IPv6Address('12345::1'))
t('too many colons', lambda: I.IPv6Address('1:2:3:4:5:6:7:8:9:0'))
t('leading colon', lambda: I.IPv6Address(':1:2:3:4:5:6:7'))
t('trailing colon', lambda: I.IPv6Address('1:2:3:4:5:6:7:'))
t('leading colon gap', lambda: I.IPv6Address(':1::2'))
t('trailing colon gap', lambda: I.IPv6Address('1::2:'))
t('v4 space', lambda: I.IPv4Address(' 1.2.3.4'))
t('v4 plus', lambda: I.IPv4Address('+1.2.3.4'))
t('v6 netmask str', lambda: I.IPv6Network(('::', 'ffff::')))
t('v6 netmask int bad', lambda: I.IPv6Network(('::', 129)))
t('v4 netmask int bad', lambda: I.IPv4Network(('1.0.0.0', 33)))
t('v4 netmask neg', lambda: I.IPv4Network(('1.0.0.0', -1)))
t('v4 tuple 3', lambda: I.IPv4Network(('1.0.0.0', 8, 1)))
t('hostmask 0.0.0.0', lambda: I.IPv4Network('1.2.3.4/0.0.0.0'))
t('mask 255.255.255.255', lambda: I.IPv4Network('1.2.3.4/255.255.255.255'))
t('v4 netmask mixed', lambda: I.IPv4Network('1.2.3.4/255.0.0.255'))
t('format v6', lambda: [format(I.ip_address('2001:db8::1'), f) for f in ['x', '#X', '_x', '#_n', 'b']])
t('format v6 scope', lambda: format(I.ip_address('fe80::1%eth0'), 'x'))
t('iface v6 scoped', lambda: (str(I.IPv6Interface('fe80::1%eth0/64')), I.IPv6Interface('fe80::1%eth0/64').network, I.IPv6Interface('fe80::1%eth0/64').scope_id))
t('net contains scoped', lambda: I.ip_address('fe80::1%eth0') in I.ip_network('fe80::/64'))
t('compare iface net', lambda: I.ip_interface('1.2.3.4/24') == I.ip_network('1.2.3.0/24'))
t('sub', lambda: I.ip_address('::5') - 3)
t('bool net', lambda: [bool(x) for x in [I.ip_network('0.0.0.0/32')]])
print('end2')
