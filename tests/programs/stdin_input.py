# input() reads lines of standard input (the .stdin file).
name = input()
print('name:', repr(name))
age = input('age? ')
print('age:', int(age) + 1)
print(repr(input()), repr(input()))
while True:
    try:
        line = input()
    except EOFError as e:
        print('EOFError:', e)
        break
    print('line', repr(line))
