# `if __name__ == "__main__":` runs in the script, not in imported modules;
# a module imported twice runs once.
import tool
import tool
print("main sees", tool.describe(), __name__)
if __name__ == "__main__":
    print("main block of main.py")
