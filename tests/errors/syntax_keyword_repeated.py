# A keyword argument given twice is a compile-time SyntaxError (at the second).
print("never runs")
print(1, sep="", sep=" ")
