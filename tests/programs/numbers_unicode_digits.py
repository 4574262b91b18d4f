# int() and float() read the decimal digits of other scripts.
for text in ['１.５', '١٢٣', ' ４２ ', '１e３', '\u00a012\u2003', '-１２.５e-１', '٣٤x']:
    for conv in (int, float):
        try:
            print(repr(conv(text)))
        except ValueError as e:
            print('ValueError', e)
