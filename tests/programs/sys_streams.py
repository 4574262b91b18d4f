import sys
print("to stdout")
print("to stderr", 42, file=sys.stderr)
n = sys.stdout.write("written\n")
sys.stderr.write("err line\n")
print(n, sys.stdout.name)
sys.stdout.flush()
