import sys
print("to stdout")
print("through file=", 42, file=sys.stdout)
n = sys.stdout.write("written\n")
print(n, sys.stdout.name, sys.stderr.name)
sys.stdout.flush()
