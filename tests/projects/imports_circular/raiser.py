print("raiser runs")
x = 1 / 0
