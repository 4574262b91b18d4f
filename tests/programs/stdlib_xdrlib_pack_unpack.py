import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    import xdrlib
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
print(xdrlib.__all__)
p = xdrlib.Packer()
for m in ['pack_uint', 'pack_int', 'pack_enum', 'pack_bool', 'pack_uhyper', 'pack_hyper', 'pack_float', 'pack_double']:
    getattr(p, m)(3)
p.pack_hyper(-2)
p.pack_fstring(5, b'abc'); p.pack_string(b'hello'); p.pack_bytes(b''); p.pack_opaque(b'abcd')
p.pack_list([1, 2], p.pack_int); p.pack_farray(2, [1, 2], p.pack_int); p.pack_array([7], p.pack_uint)
print(p.get_buffer(), p.get_buf() == p.get_buffer())
for bad in [lambda: p.pack_uint(-1), lambda: p.pack_int('x'), lambda: p.pack_fstring(-1, b''),
            lambda: p.pack_farray(3, [1], p.pack_int), lambda: p.pack_uhyper(-1), lambda: p.pack_string('str'),
            lambda: p.pack_int(2**31), lambda: p.pack_double('x')]:
    try:
        bad()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e, repr(e), getattr(e, 'msg', None))
u = xdrlib.Unpacker(p.get_buffer())
print([getattr(u, m)() for m in ['unpack_uint', 'unpack_int', 'unpack_enum', 'unpack_bool', 'unpack_uhyper',
                                 'unpack_hyper', 'unpack_float', 'unpack_double', 'unpack_hyper']])
print(u.unpack_fstring(5), u.unpack_string(), u.unpack_bytes(), u.unpack_opaque(),
      u.unpack_list(u.unpack_int), u.unpack_farray(2, u.unpack_int), u.unpack_array(u.unpack_uint), u.get_position())
u.reset(b'\x00\x00\x00\x01x')
print(u.unpack_int())
for bad in [u.unpack_int, u.done, lambda: u.unpack_fstring(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, repr(e), str(e))
u.set_position(0)
print(u.get_buffer(), u.unpack_bool(), u.get_position())
u.reset(b'\x00\x00\x00\x02')
try:
    print(u.unpack_list(u.unpack_int))
except xdrlib.Error as e:
    print(type(e).__name__, repr(e), e.msg)
u.reset(b'\x00\x00\x00\x05ab')
try:
    print(u.unpack_string())
except Exception as e:
    print(type(e).__name__, repr(e))
print(xdrlib.Error('m'), repr(xdrlib.ConversionError('c')), [c.__name__ for c in xdrlib.ConversionError.__mro__])
p.reset()
print(p.get_buffer())
