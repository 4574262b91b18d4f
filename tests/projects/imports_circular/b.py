import a
print("b sees a partially:", hasattr(a, "done"))
try:
    a.done
except AttributeError as e:
    print(e)
done = "b done"
