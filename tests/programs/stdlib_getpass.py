# Golden test for getpass: the no-terminal fallback and getuser().
import getpass
import io
import os
import sys
import warnings

print(issubclass(getpass.GetPassWarning, UserWarning), getpass.__all__)

# fallback_getpass: what getpass() does when echo cannot be controlled.
old_stdin = sys.stdin
sys.stdin = io.StringIO("secret\nsecond line\nlast")
stream = io.StringIO()
try:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(repr(getpass.fallback_getpass("Key: ", stream)))
        print(repr(getpass.fallback_getpass(stream=stream)))
        print(repr(getpass.fallback_getpass("", stream)))
        try:
            getpass.fallback_getpass("more: ", stream)
        except EOFError:
            print("EOFError")
    print(repr(stream.getvalue()))
    print([(w.category.__name__, str(w.message)) for w in caught])
    # Without a stream the messages go to sys.stderr.
    sys.stdin = io.StringIO("pw\n")
    err = io.StringIO()
    old_stderr = sys.stderr
    sys.stderr = err
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            print(repr(getpass.fallback_getpass()))
    finally:
        sys.stderr = old_stderr
    print(repr(err.getvalue()))
finally:
    sys.stdin = old_stdin

# getuser(): the environment variables, in order.
names = ("LOGNAME", "USER", "LNAME", "USERNAME")
saved = {name: os.environ.get(name) for name in names}
try:
    for name in names:
        os.environ.pop(name, None)
    for name in reversed(names):
        os.environ[name] = "user_from_" + name
        print(getpass.getuser())
    os.environ["LOGNAME"] = ""
    print(getpass.getuser())
finally:
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
