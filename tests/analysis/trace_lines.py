# krait trace --function total --lines 4-5
def total(items):
    result = 0
    for item in items:
        result += item * 2
    return result


print(total([1, 2]))
