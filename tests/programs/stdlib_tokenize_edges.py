import io
import tokenize

cases = {
 "noeol": b"x = 1",
 "noeol_comment": b"x = 1\n# c",
 "noeol_code_comment": b"x = 1  # c",
 "ws_last": b"if x:\n    y\n   ",
 "ws_last2": b"x\n  \t",
 "empty": b"",
 "only_nl": b"\n\n",
 "bom": b"\xef\xbb\xbfx = 1\n",
 "bom_cookie": b"\xef\xbb\xbf# -*- coding: utf-8 -*-\nx = 1\n",
 "bom_badcookie": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
 "cookie_latin": b"# coding: latin-1\nx = '\xe9'\n",
  "cookie_3rd": b"\n\n# coding: latin-1\nx = 1\n",
 "cookie_unknown": b"# coding: foobar\nx\n",
 "cookie_after_code": b"x = 1\n# coding: latin-1\n",
 "bad_utf8": b"x = '\xff'\n",
 "bad_utf8_first": b"# \xff\nx\n",
 "cookie_utf8_underscore": b"# coding=UTF_8\nx\n",
 "cookie_latin_variant": b"# coding: iso_latin_1-foo\nx\n",
 "crlf": b"if x:\r\n    y = (1,\r\n  2)\r\n# c\r\n\r\n",
 "cr_mid": b"x = 1\ry = 2\n\rz\n",
 "tabs": b"if x:\n\ty\n\tif z:\n\t\tw\n        q\n",
 "formfeed": b"if x:\n\f    y\n  \f  z\n",
 "dedent_err": b"if x:\n        y\n    z\n",
 "dedent_err_in_block": b"class A:\n  def f():\n      pass\n pass\n",
 "unterminated_triple": b"x = '''abc\ndef\n",
 "unterminated_single": b"x = 'abc\ny = 2\n",
 "unterminated_dq_bs": b"x = \"abc\\\ndef\ny\n",
 "cont_single_ok": b"x = 'abc\\\ndef'\n",
 "cont_single_crlf": b"x = 'abc\\\r\ndef'\r\n",
 "unclosed_bracket": b"x = (1,\n2,\n",
 "unclosed_bracket_noeol": b"x = [1",
 "extra_close": b"x = )\n]]\ny\n",
 "backslash_eof": b"x = 1 + \\\n",
 "backslash_eof2": b"x = 1 + \\",
 "backslash_mid": b"x = 1 \\ 2\n",
 "backslash_space": b"x = 1 \\  \ny\n",
 "errchars": b"x = $ ? ! `a`\n",
 "nonascii_digits": "x = \u0663 + \u00b2\n".encode(),
 "unicode_ident": "\u00e9l\u00e8ve = 1\n\u2118 = 2\n".encode(),
 "numbers": b"0 00 0_0 007 0777 1_000 1__0 0x 0xg 0x_1 0b12 0o78 1e 1e5 1.e5 .5e-3 1j 1.5J 1e5j 1_2.3_4e5_6 0.0 1..2 1...2 ...\n",
 "ops": b"a **= b //= c >>= d <<= e -> f := g != h <> i @= j ... ~k ^= l |= m &= n %= o\n",
 "strings": b"a = rb'x' Rb'y' bR\"z\" f'{x}' rf'q' FR'''w''' u'v' U\"t\" br'''a\nb''' ub'bad' ''\n",
 "strings2": b"'''a''' '''b\\''' \"\"\"c\"\" \"\"\" '\\'' \"\\\"\"\n",
 "tq_with_nl_esc": b"x = '''a\\\nb'''\n",
 "tq_same_line_then_code": b"x = '''a''' + y\nz = \"\"\"q\n\"\"\" ; w\n",
 "nested_parens_nl": b"foo(a,\n    # comment\n\n    b)\n",
 "comment_only_indent": b"if x:\n    y\n        # deeper comment\n  # shallower\n    z\n",
 "async": b"async def f():\n    await x\n    async with y: pass\n",
 "deep_dedent": b"if a:\n if b:\n  if c:\n   d\ne\n",
 "dedent_eof": b"if a:\n    if b:\n        c",
 "semicolons": b"a; b ;c\n",
 "decorators": b"@dec\n@dec.attr(1)\ndef f(): pass\n",
 "lone_hash": b"#\n  #\n\t#x\n",
 "lambda": b"f = lambda x, *a, **k: (yield)\n",
 "fstring_nested": b"f'{a[\"x\"]!r:>{w}}'\n",
 "emptylines_indent": b"def f():\n\n    x\n\n\n    y\n",
 "zero_width": "x\u200b = 1\n".encode(),
 "nul": b"x = 1\x00\n",
 "tab_after_code": b"x\t=\t1\t# c\t\n",
 "cr_only": b"x = 1\r",
 "cr_lines": b"x = 1\ry = 2\r",
 "bs_in_comment": b"# a \\\nx\n",
 "string_prefix_names": b"rb = br = f = u = 1\nprint(rb, br)\n",
 "unterminated_str_in_parens": b"f('abc,\n  2)\n",
 "triple_in_parens_eof": b"f('''abc\n",
 "cont_line_indent": b"if x:\n    y = 1 + \\\n  2\n    z\n",
 "indent_after_paren": b"x = [\n        1,\n]\n    y\n",
}


for name, data in cases.items():
    print("==", name)
    try:
        stream = []
        for t in tokenize.tokenize(io.BytesIO(data).readline):
            stream.append(t)
            print(t.type, t.exact_type, t.start, t.end, repr(t.string), repr(t.line))
    except Exception as e:
        print("!", type(e).__name__, e.args)
        continue
    full = tokenize.untokenize(stream)
    print("full", full == data, repr(full) if full != data else "")
    print("pairs", repr(tokenize.untokenize((t[0], t[1]) for t in stream)))
