"""A lexical analyzer for simple shell-like syntaxes (CPython's `shlex`).

The shlex class splits a stream into tokens in POSIX or the older
non-POSIX ("compatibility") mode, with configurable word, whitespace,
quote, escape, comment and punctuation characters, a token pushback
stack, nested input sources and `source` inclusion through sourcehook.
split, join and quote are the usual helpers for shell command lines.
"""

import os
import re
import sys
from collections import deque
from io import StringIO

__all__ = ["shlex", "split", "quote", "join"]

_ASCII_WORDCHARS = ("abcdfeghijklmnopqrstuvwxyz"
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# POSIX mode also treats the Latin-1 letters as word characters.
_LATIN1_WORDCHARS = ("ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
                     "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")


class shlex:
    """A lexical analyzer class for simple shell-like syntaxes."""

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is not None:
            self.instream = instream
            self.infile = infile
        else:
            self.instream = sys.stdin
            self.infile = None
        self.posix = posix
        # What get_token returns at the end of the input.
        self.eof = None if posix else ""
        self.commenters = "#"
        self.wordchars = _ASCII_WORDCHARS
        if posix:
            self.wordchars += _LATIN1_WORDCHARS
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        # ' ' between tokens, 'a' in a word, 'c' in a run of punctuation,
        # a quote or escape character inside one, None after the end.
        self.state = " "
        self.pushback = deque()
        self.lineno = 1
        self.debug = 0
        self.token = ""
        self.filestack = deque()
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ""
        elif punctuation_chars is True:
            punctuation_chars = "();<>|&"
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # Characters read too far while collecting punctuation.
            self._pushback_chars = deque()
            # Shell-like: these may appear in file names and options.
            wordchars = self.wordchars + "~-./*?="
            self.wordchars = "".join(
                ch for ch in wordchars if ch not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        "Push a token onto the stack popped by the get_token method"
        if self.debug >= 1:
            print("shlex: pushing token " + repr(tok))
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        "Push an input source onto the lexer's input source stack."
        if isinstance(newstream, str):
            newstream = StringIO(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1
        if self.debug:
            if newfile is not None:
                print("shlex: pushing to file %s" % (self.infile,))
            else:
                print("shlex: pushing to stream %s" % (self.instream,))

    def pop_source(self):
        "Pop the input source stack."
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        if self.debug:
            print("shlex: popping to %s, line %d"
                  % (self.instream, self.lineno))
        self.state = " "

    def get_token(self):
        "Get a token from the input stream (or from stack if it's nonempty)"
        if self.pushback:
            tok = self.pushback.popleft()
            if self.debug >= 1:
                print("shlex: popping token " + repr(tok))
            return tok
        raw = self.read_token()
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    newfile, newstream = spec
                    self.push_source(newstream, newfile)
                raw = self.get_token()
        # At the end of a pushed source, go on with the one below it.
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        if self.debug >= 1:
            if raw != self.eof:
                print("shlex: token=" + repr(raw))
            else:
                print("shlex: token=EOF")
        return raw

    def read_token(self):
        """Read one token from the input, ignoring the pushback stack."""
        quoted = False
        # The state to return to after an escaped character.
        escaped_from = " "
        posix = self.posix
        read = self.instream.read
        punctuation = self.punctuation_chars
        while True:
            if punctuation and self._pushback_chars:
                ch = self._pushback_chars.pop()
            else:
                ch = read(1)
            if ch == "\n":
                self.lineno += 1
            if self.debug >= 3:
                print("shlex: in state %r I see character: %r"
                      % (self.state, ch))
            state = self.state
            if state is None:
                self.token = ""
                break
            elif state == " ":
                if not ch:
                    self.state = None
                    break
                elif ch in self.whitespace:
                    if self.debug >= 2:
                        print("shlex: I see whitespace in whitespace state")
                    if self.token or (posix and quoted):
                        break
                    continue
                elif ch in self.commenters:
                    self.instream.readline()
                    self.lineno += 1
                elif posix and ch in self.escape:
                    escaped_from = "a"
                    self.state = ch
                elif ch in self.wordchars:
                    self.token = ch
                    self.state = "a"
                elif ch in punctuation:
                    self.token = ch
                    self.state = "c"
                elif ch in self.quotes:
                    if not posix:
                        self.token = ch
                    self.state = ch
                elif self.whitespace_split:
                    self.token = ch
                    self.state = "a"
                else:
                    # Any other character is a token on its own.
                    self.token = ch
                    if self.token or (posix and quoted):
                        break
                    continue
            elif state in self.quotes:
                quoted = True
                if not ch:
                    if self.debug >= 2:
                        print("shlex: I see EOF in quotes state")
                    raise ValueError("No closing quotation")
                if ch == state:
                    if not posix:
                        self.token += ch
                        self.state = " "
                        break
                    self.state = "a"
                elif (posix and ch in self.escape
                      and state in self.escapedquotes):
                    escaped_from = state
                    self.state = ch
                else:
                    self.token += ch
            elif state in self.escape:
                if not ch:
                    if self.debug >= 2:
                        print("shlex: I see EOF in escape state")
                    raise ValueError("No escaped character")
                # Inside quotes only the quote and the escape character
                # itself can be escaped; elsewhere the escape stays.
                if (escaped_from in self.quotes and ch != state
                        and ch != escaped_from):
                    self.token += state
                self.token += ch
                self.state = escaped_from
            elif state == "a" or state == "c":
                if not ch:
                    self.state = None
                    break
                elif ch in self.whitespace:
                    if self.debug >= 2:
                        print("shlex: I see whitespace in word state")
                    self.state = " "
                    if self.token or (posix and quoted):
                        break
                    continue
                elif ch in self.commenters:
                    self.instream.readline()
                    self.lineno += 1
                    if posix:
                        self.state = " "
                        if self.token or (posix and quoted):
                            break
                        continue
                elif state == "c":
                    if ch in punctuation:
                        self.token += ch
                    else:
                        if ch not in self.whitespace:
                            self._pushback_chars.append(ch)
                        self.state = " "
                        break
                elif posix and ch in self.quotes:
                    self.state = ch
                elif posix and ch in self.escape:
                    escaped_from = "a"
                    self.state = ch
                elif (ch in self.wordchars or ch in self.quotes
                      or (self.whitespace_split
                          and ch not in punctuation)):
                    self.token += ch
                else:
                    # The character ends the word and is read again as
                    # the start of the next token.
                    if punctuation:
                        self._pushback_chars.append(ch)
                    else:
                        self.pushback.appendleft(ch)
                    if self.debug >= 2:
                        print("shlex: I see punctuation in word state")
                    self.state = " "
                    if self.token or (posix and quoted):
                        break
                    continue
        result = self.token
        self.token = ""
        if posix and not quoted and result == "":
            result = None
        if self.debug > 1:
            if result:
                print("shlex: raw token=" + repr(result))
            else:
                print("shlex: raw token=EOF")
        return result

    def sourcehook(self, newfile):
        "Hook called on a filename to be sourced."
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        # Relative to the including file, as the C preprocessor does.
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        "Emit a C-compiler-like, Emacs-friendly error-message leader."
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return "\"%s\", line %d: " % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ""
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return " ".join(quote(arg) for arg in split_command)


_find_unsafe = re.compile(r"[^\w@%+=:,./-]", re.ASCII).search


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if _find_unsafe(s) is None:
        return s
    # Single quotes protect everything but a single quote, which is
    # closed, written as "'", and reopened.
    return "'" + s.replace("'", "'\"'\"'") + "'"
