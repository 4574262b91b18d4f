"""Other names of the standard encodings (CPython's
`encodings.aliases`): `aliases` maps a normalised alias (lower case,
words joined by '_', see `encodings.normalize_encoding`) to the name of
the codec's module in `encodings`.

The table names the common codecs, including some krait has no module
for (the CJK codecs, most code pages, utf_7...): looking those up still
fails, as for any unknown encoding.
"""

def _table():
    # Written module by module: {module: "alias alias ..."}.
    names = {
        'ascii': '646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii '
                 'ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii',
        'latin_1': '8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 '
                   'iso_8859_1_1987 iso_ir_100 l1 latin latin1',
        'utf_8': 'u8 utf utf8 utf8_ucs2 utf8_ucs4 cp65001',
        'utf_16': 'u16 utf16',
        'utf_16_be': 'unicodebigunmarked utf_16be',
        'utf_16_le': 'unicodelittleunmarked utf_16le',
        'utf_32': 'u32 utf32',
        'utf_32_be': 'utf_32be',
        'utf_32_le': 'utf_32le',
        'utf_7': 'u7 utf7 unicode_1_1_utf_7',
        'base64_codec': 'base64 base_64',
        'hex_codec': 'hex',
        'zlib_codec': 'zip zlib',
        'bz2_codec': 'bz2',
        'quopri_codec': 'quopri quoted_printable quotedprintable',
        'uu_codec': 'uu',
        'rot_13': 'rot13',
        'cp037': 'ebcdic_cp_ca ebcdic_cp_nl ebcdic_cp_us ebcdic_cp_wt ibm037 ibm039',
        'cp437': '437 cspc8codepage437 ibm437',
        'cp850': '850 cspc850multilingual ibm850',
        'cp852': '852 cspcp852 ibm852',
        'cp866': '866 csibm866 ibm866',
        'cp1250': '1250 windows_1250',
        'cp1251': '1251 windows_1251',
        'cp1252': '1252 windows_1252',
        'cp1253': '1253 windows_1253',
        'cp1254': '1254 windows_1254',
        'cp1255': '1255 windows_1255',
        'cp1256': '1256 windows_1256',
        'cp1257': '1257 windows_1257',
        'cp1258': '1258 windows_1258',
        'iso8859_2': 'csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2',
        'iso8859_3': 'csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3',
        'iso8859_4': 'csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4',
        'iso8859_5': 'csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144',
        'iso8859_6': 'arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 '
                     'iso_8859_6_1987 iso_ir_127',
        'iso8859_7': 'csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 '
                     'iso_8859_7_1987 iso_ir_126',
        'iso8859_8': 'csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138',
        'iso8859_9': 'csisolatin5 iso_8859_9 iso_8859_9_1989 iso_ir_148 l5 latin5',
        'iso8859_15': 'iso_8859_15 l9 latin9',
        'koi8_r': 'cskoi8r',
        'mac_roman': 'macintosh macroman',
        'mbcs': 'ansi dbcs',
        'big5': 'big5_tw csbig5 x_mac_trad_chinese',
        'euc_jp': 'eucjp ujis u_jis',
        'euc_kr': 'euckr korean ksc5601 ks_c_5601 ks_c_5601_1987 ksx1001 ks_x_1001 '
                  'x_mac_korean',
        'gb2312': 'chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 '
                  'gb2312_80 iso_ir_58 x_mac_simp_chinese',
        'gbk': '936 cp936 ms936',
        'gb18030': 'gb18030_2000',
        'shift_jis': 'csshiftjis shiftjis sjis s_jis x_mac_japanese',
        'tis_620': 'tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1 iso_ir_166',
    }
    return {alias: module for module, text in names.items() for alias in text.split()}


aliases = _table()
del _table
