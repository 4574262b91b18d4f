print("running helper")
VALUE = 42
