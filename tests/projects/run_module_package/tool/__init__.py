print("tool init", __name__)
