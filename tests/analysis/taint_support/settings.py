# Imported by taint_modules.py: the run's first source call happens while
# this module's code runs.


def read_secret():
    return "s3cret"


TOKEN = read_secret()
PUBLIC = "public"
