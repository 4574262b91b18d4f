print("leaving")
exit(3)
print("not reached")
