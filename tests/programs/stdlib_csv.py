# csv: reading quoted, escaped, multi-line and malformed records in several
# dialects; writing with every quoting mode; DictReader/DictWriter; errors.
import csv, io
def rows(text, **kw):
    try:
        r = csv.reader(io.StringIO(text, newline=''), **kw)
        out = [row for row in r]
        return out, r.line_num
    except (csv.Error, ValueError) as e:
        return type(e).__name__ + ': ' + str(e)
samples = ['a,b,c\r\n1,2,3\r\n', 'a,"b,c",d\n', '"quoted ""inner"" text",x\n', '"multi\nline",y\nz,w\n', 'a,,c\n,\n\n"",""\n',
           ' a, b ,c\n', 'a\\,b,c\n', '"unterminated\n', 'x"y",z\n', 'a,"b"c,d\n', 'last,line,no,newline', '1,2.5,"s"\n', 'a\tb\tc\n', 'a;b;"c;d"\n', '"a"\r\n\r\n"b"\r\n', 'a\rb\r']
for text in samples:
    print(repr(text), rows(text))
    print('  skip', rows(text, skipinitialspace=True), 'esc', rows(text, escapechar='\\'), 'strict', rows(text, strict=True))
    print('  tab', rows(text, dialect='excel-tab'), 'semi', rows(text, delimiter=';'), 'none', rows(text, quoting=csv.QUOTE_NONE))
print(rows('1,2.5,"s"\n', quoting=csv.QUOTE_NONNUMERIC), rows('1,x\n', quoting=csv.QUOTE_NONNUMERIC), rows('a,b\x00c\n'), rows('a"b\n', doublequote=False, escapechar='\\'))
def written(rowlist, **kw):
    out = io.StringIO()
    try:
        w = csv.writer(out, **kw)
        for row in rowlist:
            w.writerow(row)
        return out.getvalue()
    except (csv.Error, TypeError) as e:
        return type(e).__name__ + ': ' + str(e)
data = [['a', 'b c', 'd,e', 'f"g', 'h\ni', ''], [1, 2.5, None, True, -0.0, 1e20], [''], [], ['x\ry', ' lead', 'tab\there']]
for kw in [{}, {'quoting': csv.QUOTE_ALL}, {'quoting': csv.QUOTE_NONNUMERIC}, {'quoting': csv.QUOTE_NONE}, {'quoting': csv.QUOTE_NONE, 'escapechar': '\\'}, {'doublequote': False, 'escapechar': '\\'}, {'dialect': 'unix'}, {'dialect': 'excel-tab'}, {'lineterminator': '\n', 'delimiter': ';', 'quotechar': "'"}]:
    print(kw, repr(written(data, **kw)))
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['name', 'age', 'city'], restval='?')
w.writeheader()
w.writerows([{'name': 'Ann', 'age': 30}, {'name': 'Bob, Jr.', 'city': 'Paris', 'age': 4}])
print(repr(out.getvalue()))
try:
    w.writerow({'name': 'x', 'zip': 1})
except ValueError as e:
    print('ValueError', e)
text = out.getvalue()
r = csv.DictReader(io.StringIO(text))
print(r.fieldnames, [dict(row) for row in r], r.line_num)
r = csv.DictReader(io.StringIO('a,b\n1,2,3,4\n5\n\n6,7\n'), restkey='rest', restval='none')
print([row for row in r])
r = csv.DictReader(io.StringIO('1,2\n'), fieldnames=['x', 'y'])
print(list(r))
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), rows('"a"|"b|c"\n', dialect='pipes'), repr(written([['a', 1]], dialect='pipes')))
d = csv.get_dialect('pipes'); print(d.delimiter, d.quoting, d.doublequote, d.lineterminator == '\r\n')
csv.unregister_dialect('pipes')
for bad in [lambda: csv.get_dialect('pipes'), lambda: csv.reader([], delimiter='::'), lambda: csv.writer(io.StringIO(), quoting=9), lambda: list(csv.reader([b'bytes'])), lambda: csv.writer(io.StringIO()).writerow(5), lambda: written([['a,b']], quoting=csv.QUOTE_NONE)]:
    try:
        print('ok', bad())
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)
class Semi(csv.Dialect):
    delimiter = ';'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False
print(repr(written([['a;b', 'c']], dialect=Semi)), rows('x;"y;z"\n', dialect=Semi()), csv.field_size_limit(), csv.QUOTE_ALL, issubclass(csv.Error, Exception))
print(list(csv.reader(['a,b', 'c,"d', 'e"'])), list(csv.reader(iter(['1,2\n', '3,4\n']))))
