# A walrus in a comprehension cannot rebind its iteration variable.
print("never runs")
squares = [i := i * i for i in range(3)]
