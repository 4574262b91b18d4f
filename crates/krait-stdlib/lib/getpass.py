"""Prompt for a password and find the user's login name (CPython's
`getpass`): getpass, getuser and GetPassWarning.

krait has no termios module, so echo cannot be turned off: getpass() is
what CPython uses when no terminal can be controlled (and is also
available as fallback_getpass). It issues GetPassWarning, writes
"Warning: Password input may be echoed." and the prompt to `stream`
(sys.stderr by default), and reads one line from sys.stdin.

getuser() looks at the environment variables LOGNAME, USER, LNAME and
USERNAME; then it uses the pwd module if there is one, else krait reads
the user database file /etc/passwd for the current user id. If all of
that fails it raises OSError, as CPython 3.13 does (3.11 would let the
error from pwd escape).
"""

import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    """Issued when the password may be echoed as it is typed."""


def fallback_getpass(prompt="Password: ", stream=None):
    """Read a password from sys.stdin, warning that it may be echoed."""
    warnings.warn("Can not control echo on the terminal.", GetPassWarning,
                  stacklevel=2)
    if not stream:
        stream = sys.stderr
    print("Warning: Password input may be echoed.", file=stream)
    return _raw_input(prompt, stream)


def _raw_input(prompt="", stream=None, input=None):
    """Write `prompt` to `stream` and read a line (without its newline)
    from `input` (sys.stdin); EOFError at the end of input."""
    if not stream:
        stream = sys.stderr
    if not input:
        input = sys.stdin
    prompt = str(prompt)
    if prompt:
        try:
            stream.write(prompt)
        except UnicodeEncodeError:
            # Drop what the stream cannot encode rather than fail.
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(prompt.encode(encoding, "replace")
                         .decode(encoding))
        stream.flush()
    line = input.readline()
    if not line:
        raise EOFError
    if line[-1] == "\n":
        line = line[:-1]
    return line


getpass = fallback_getpass


def getuser():
    """Return the login name of the user: from the environment
    variables LOGNAME, USER, LNAME or USERNAME (the first one set and
    not empty), else from the user database. OSError if neither
    knows."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    try:
        uid = os.getuid()
    except AttributeError:
        raise OSError("No username set in the environment") from None
    try:
        import pwd
    except ImportError:
        user = _user_from_passwd_file(uid)
        if user is None:
            raise OSError("No username set in the environment") from None
        return user
    try:
        return pwd.getpwuid(uid)[0]
    except KeyError as e:
        raise OSError("No username set in the environment") from e


def _user_from_passwd_file(uid, path="/etc/passwd"):
    """The name of user `uid` in a passwd(5) file, or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.rstrip("\n").split(":")
                if len(fields) >= 3 and fields[2] == str(uid):
                    return fields[0]
    except OSError:
        pass
    return None
