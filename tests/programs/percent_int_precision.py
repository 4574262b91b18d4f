print('%.3d' % 5, '%5.2d|' % 3, '%-6.3x|' % 10)
class I(int):
    def __str__(self): return "I-str"
    def __repr__(self): return "I-repr"
print('%s %r %d' % (I(3), I(3), I(3)))
print(f"{I(4)!s} {I(4)}")
print(repr('%05.3d' % 5), repr('%-5.3d|' % -5), repr('%+.3d' % 5), repr('%#.4x' % 10), repr('%#8.4o' % 8), repr('%.0d' % 0), repr('%.3d' % -12345), repr('% .3d' % 7), repr('%.3X' % 255), repr('%.5i' % True), repr('%.2d' % 3.9))
