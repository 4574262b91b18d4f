"""Shell-like lexical analysis: the shlex tokenizer and the split, join
and quote helpers (the interface of CPython's `shlex`, krait's code).

The tokenizer is a small state machine. Its `state` attribute is ' '
between tokens, 'a' inside a word, 'c' inside a run of punctuation, the
quote or escape character being processed, or None once the input ran
out. `split` on a plain string skips the state machine: with the settings
it uses the grammar is small enough to scan with str methods and regexes.
"""

import os
import re
import sys
import collections
from io import StringIO

__all__ = ["shlex",
           "split", "quote", "join"]

# Note the historical "dfe" ordering, kept because it is observable.
_WORD_ASCII = "abcdfeghijklmnopqrstuvwxyz" + \
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "0123456789_"
_WORD_LATIN1 = "ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ" + \
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
_DEFAULT_PUNCTUATION = "();<>|&"
# Extra word characters once punctuation_chars is on (file names, options).
_SHELL_WORD_EXTRAS = "~-./*?="


class shlex:
    def __init__(self, instream=None, infile=None,
                 posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is None:
            self.instream, self.infile = sys.stdin, None
        else:
            self.instream, self.infile = instream, infile
        self.posix = posix
        self.eof = None if posix else ""
        self.commenters = "#"
        self.wordchars = _WORD_ASCII + (_WORD_LATIN1 if posix else "")
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        self.state = " "
        self.pushback = collections.deque()
        self.lineno = 1
        self.debug = 0
        self.token = ""
        self.filestack = collections.deque()
        self.source = None
        if punctuation_chars is True:
            punctuation_chars = _DEFAULT_PUNCTUATION
        elif not punctuation_chars:
            punctuation_chars = ""
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            self._pushback_chars = collections.deque()
            extended = self.wordchars + _SHELL_WORD_EXTRAS
            self.wordchars = "".join(
                [c for c in extended if c not in punctuation_chars])

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def _trace(self, level, text):
        if self.debug >= level:
            print("shlex: " + text)

    # -- token and source stacks -------------------------------------------

    def push_token(self, tok):
        self._trace(1, "pushing token %r" % (tok,))
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        if isinstance(newstream, str):
            newstream = StringIO(initial_value=newstream)
        saved = (self.infile, self.instream, self.lineno)
        self.filestack.appendleft(saved)
        self.infile, self.instream, self.lineno = newfile, newstream, 1
        if self.debug:
            where = ("file %s" % (newfile,) if newfile is not None
                     else "stream %s" % (newstream,))
            print("shlex: pushing to " + where)

    def pop_source(self):
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        self._trace(1, "popping to %s, line %d" % (self.instream,
                                                  self.lineno))
        self.state = " "

    def get_token(self):
        if self.pushback:
            popped = self.pushback.popleft()
            self._trace(1, "popping token %r" % (popped,))
            return popped
        tok = self.read_token()
        while self.source is not None and tok == self.source:
            included = self.sourcehook(self.read_token())
            if included:
                self.push_source(included[1], included[0])
            tok = self.get_token()
        while tok == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            tok = self.get_token()
        if self.debug >= 1:
            shown = "EOF" if tok == self.eof else repr(tok)
            print("shlex: token=" + shown)
        return tok

    # -- the state machine ---------------------------------------------------

    def read_token(self):
        # One loop over the characters with the settings held in locals;
        # self.state and self.token are written back on the way out.
        posix = self.posix
        fetch = self.instream.read
        punct = self._punctuation_chars
        held = self._pushback_chars if punct else None
        blanks = self.whitespace
        wordch = self.wordchars
        quotes = self.quotes
        escapes = self.escape
        remarks = self.commenters
        loose = self.whitespace_split
        debug = self.debug
        state = self.state
        token = self.token
        quoted = False
        resume = " "     # the state an escaped character returns to
        while True:
            if held:
                ch = held.pop()
            else:
                ch = fetch(1)
            if ch == "\n":
                self.lineno += 1
            if debug >= 3:
                print("shlex: in state %r I see character: %r"
                      % (state, ch))
            if state is None:
                token = ""
                break
            if state == " ":
                if not ch:
                    state = None
                    break
                if ch in blanks:
                    if debug >= 2:
                        print("shlex: I see whitespace in whitespace state")
                    if token or (posix and quoted):
                        break
                elif ch in remarks:
                    self.instream.readline()
                    self.lineno += 1
                elif posix and ch in escapes:
                    resume = "a"
                    state = ch
                elif ch in wordch:
                    token = ch
                    state = "a"
                elif ch in punct:
                    token = ch
                    state = "c"
                elif ch in quotes:
                    if not posix:
                        token = ch
                    state = ch
                elif loose:
                    token = ch
                    state = "a"
                else:
                    token = ch     # a character that is a token by itself
                    if token or (posix and quoted):
                        break
            elif state in quotes:
                quoted = True
                if not ch:
                    self.state, self.token = state, token
                    if debug >= 2:
                        print("shlex: I see EOF in quotes state")
                    raise ValueError("No closing quotation")
                if ch == state:
                    if not posix:
                        token += ch
                        state = " "
                        break
                    state = "a"
                elif posix and ch in escapes and state in self.escapedquotes:
                    resume = state
                    state = ch
                else:
                    token += ch
            elif state in escapes:
                if not ch:
                    self.state, self.token = state, token
                    if debug >= 2:
                        print("shlex: I see EOF in escape state")
                    raise ValueError("No escaped character")
                # Within quotes only the quote itself and the escape
                # character drop the backslash.
                if resume in quotes and ch != state and ch != resume:
                    token += state
                token += ch
                state = resume
            elif state == "a" or state == "c":
                if not ch:
                    state = None
                    break
                if ch in blanks:
                    if debug >= 2:
                        print("shlex: I see whitespace in word state")
                    state = " "
                    if token or (posix and quoted):
                        break
                elif ch in remarks:
                    self.instream.readline()
                    self.lineno += 1
                    if posix:
                        state = " "
                        if token or (posix and quoted):
                            break
                elif state == "c":
                    if ch in punct:
                        token += ch
                    else:
                        if ch not in blanks:
                            held.append(ch)
                        state = " "
                        break
                elif posix and ch in quotes:
                    state = ch
                elif posix and ch in escapes:
                    resume = "a"
                    state = ch
                elif (ch in wordch or ch in quotes
                      or (loose and ch not in punct)):
                    token += ch
                else:
                    # This character ends the word; it is read again next.
                    if punct:
                        held.append(ch)
                    else:
                        self.pushback.appendleft(ch)
                    if debug >= 2:
                        print("shlex: I see punctuation in word state")
                    state = " "
                    if token or (posix and quoted):
                        break
        self.state = state
        self.token = ""
        if posix and not quoted and token == "":
            token = None
        if debug > 1:
            print("shlex: raw token=" + (repr(token) if token else "EOF"))
        return token

    # -- helpers -------------------------------------------------------------

    def sourcehook(self, newfile):
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        base = self.infile
        if isinstance(base, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(base), newfile)
        return newfile, open(newfile, "r")

    def error_leader(self, infile=None, lineno=None):
        name = self.infile if infile is None else infile
        line = self.lineno if lineno is None else lineno
        return '"%s", line %d: ' % (name, line)

    def __iter__(self):
        return self

    def __next__(self):
        tok = self.get_token()
        if tok == self.eof:
            raise StopIteration
        return tok


def split(s, comments=False, posix=True):
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    if type(s) is str:
        scan = _posix_words if posix else _plain_words
        return scan(s, bool(comments))
    lexer = shlex(s, posix=posix)
    lexer.whitespace_split = True
    if not comments:
        lexer.commenters = ""
    return [tok for tok in lexer]


# What a lexer set up by split() does, done directly on the string. The
# separators are " \t\r\n", the comment character "#" (when enabled),
# the quotes ' and " and the escape \\.
_GAPS = " \t\r\n"
_BARE_RUN = re.compile(r"""[^ \t\r\n'"\\]+""").match
_BARE_RUN_NO_HASH = re.compile(r"""[^ \t\r\n'"\\#]+""").match
_DQ_SPECIAL = re.compile(r'["\\]').search
_FIELD_RUN = re.compile(r"[^ \t\r\n]+").match
_FIELD_RUN_NO_HASH = re.compile(r"[^ \t\r\n#]+").match


def _after_line(text, at):
    # Where reading resumes once a comment starting at `at` is dropped.
    newline = text.find("\n", at)
    return len(text) if newline < 0 else newline + 1


def _posix_words(text, comments):
    bare = _BARE_RUN_NO_HASH if comments else _BARE_RUN
    gaps = _GAPS
    end = len(text)
    words = []
    at = 0
    while at < end:
        ch = text[at]
        if ch in gaps:
            at += 1
            continue
        if ch == "#" and comments:
            at = _after_line(text, at)
            continue
        # A word runs until unquoted whitespace, a comment or the end; it
        # is kept even when empty (as in '' or "").
        parts = []
        while at < end:
            found = bare(text, at)
            if found is not None:
                parts.append(found.group())
                at = found.end()
                if at == end:
                    break
            ch = text[at]
            if ch in gaps:
                at += 1
                break
            if ch == "#":
                at = _after_line(text, at)
                break
            if ch == "\\":
                if at + 1 == end:
                    raise ValueError("No escaped character")
                parts.append(text[at + 1])
                at += 2
            elif ch == "'":
                closing = text.find("'", at + 1)
                if closing < 0:
                    raise ValueError("No closing quotation")
                parts.append(text[at + 1:closing])
                at = closing + 1
            else:
                at += 1
                while True:
                    found = _DQ_SPECIAL(text, at)
                    if found is None:
                        raise ValueError("No closing quotation")
                    stop = found.start()
                    parts.append(text[at:stop])
                    at = stop + 1
                    if text[stop] == '"':
                        break
                    # A backslash keeps itself unless it precedes " or \\.
                    if at == end:
                        raise ValueError("No escaped character")
                    follower = text[at]
                    parts.append(follower if follower in '"\\'
                                 else "\\" + follower)
                    at += 1
        words.append("".join(parts))
    return words


def _plain_words(text, comments):
    field = _FIELD_RUN_NO_HASH if comments else _FIELD_RUN
    gaps = _GAPS
    end = len(text)
    words = []
    at = 0
    while at < end:
        ch = text[at]
        if ch in gaps:
            at += 1
            continue
        if ch == "#" and comments:
            at = _after_line(text, at)
            continue
        if ch == "'" or ch == '"':
            # The token is the quoted text with its quotes.
            closing = text.find(ch, at + 1)
            if closing < 0:
                raise ValueError("No closing quotation")
            words.append(text[at:closing + 1])
            at = closing + 1
            continue
        # A word: quotes inside it are ordinary, and a comment drops the
        # rest of its line while the word goes on after it.
        parts = []
        while at < end:
            found = field(text, at)
            if found is not None:
                parts.append(found.group())
                at = found.end()
            if at < end and text[at] == "#":
                at = _after_line(text, at)
                continue
            break
        words.append("".join(parts))
    return words


def join(split_command):
    return " ".join(map(quote, split_command))


_UNSAFE_CHAR = re.compile(r"[^\w@%+=:,./-]", flags=re.ASCII)


def quote(s):
    if not s:
        return "''"
    if _UNSAFE_CHAR.search(s) is None:
        return s
    # Close the single quotes around each ', write it as "'", reopen.
    return "'%s'" % s.replace("'", "'\"'\"'")
