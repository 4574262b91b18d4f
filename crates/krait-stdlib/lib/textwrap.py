"""Wrapping, filling, shortening and (de)indenting of plain text."""

import re

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# ASCII whitespace only: a no-break space belongs to the word around it.
_whitespace = "\t\n\x0b\x0c\r "

_SPACE = r"[\t\n\x0b\x0c\r ]"
_SOLID = r"[^\t\n\x0b\x0c\r ]"
_LETTER = r"[^\d\W]"
_BEFORE_DASH = r"""[\w!"'&.,?]"""


def _chunk_pattern():
    # A chunk is a run of whitespace, an em-dash ("--" or longer) between
    # words, or the shortest run of non-space text that ends at a hyphen
    # inside a word, before whitespace / the end, or before an em-dash.
    hyphen_break = ("-(?:(?<=%s{2}-)|(?<=%s-%s-))(?=%s-?%s)"
                    % ((_LETTER,) * 5))
    word_ends = "|".join([
        hyphen_break,
        "(?=%s|\\Z)" % _SPACE,
        "(?<=%s)(?=-{2,}\\w)" % _BEFORE_DASH,
    ])
    alternatives = [
        _SPACE + "+",
        "(?<=%s)-{2,}(?=\\w)" % _BEFORE_DASH,
        "%s+?(?:%s)" % (_SOLID, word_ends),
    ]
    return re.compile("(" + "|".join(alternatives) + ")")


class TextWrapper:
    """Wraps text to a width; every constructor argument is an attribute
    of the same name."""

    unicode_whitespace_trans = {ord(c): 32 for c in _whitespace}
    word_punct = _BEFORE_DASH
    letter = _LETTER
    whitespace = _SPACE
    nowhitespace = _SOLID
    wordsep_re = _chunk_pattern()
    wordsep_simple_re = re.compile("(%s+)" % _SPACE)
    sentence_end_re = re.compile(r"""[a-z][.!?]["']?\Z""")

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=" [...]"):
        self.width, self.tabsize = width, tabsize
        self.initial_indent, self.subsequent_indent = (initial_indent,
                                                       subsequent_indent)
        self.expand_tabs, self.replace_whitespace = (expand_tabs,
                                                     replace_whitespace)
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words, self.break_on_hyphens = (break_long_words,
                                                        break_on_hyphens)
        self.drop_whitespace = drop_whitespace
        self.max_lines, self.placeholder = max_lines, placeholder

    # -- preparing the chunks

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        return (text.translate(self.unicode_whitespace_trans)
                if self.replace_whitespace else text)

    def _split(self, text):
        splitter = (self.wordsep_re if self.break_on_hyphens is True
                    else self.wordsep_simple_re)
        return [piece for piece in splitter.split(text) if piece]

    def _fix_sentence_endings(self, chunks):
        at_end = self.sentence_end_re.search
        pos = 0
        last = len(chunks) - 1
        while pos < last:
            if chunks[pos + 1] == " " and at_end(chunks[pos]):
                chunks[pos + 1] = "  "
                pos += 2
            else:
                pos += 1

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- laying the chunks out

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        room = width - cur_len if width >= 1 else 1
        if not self.break_long_words:
            if not cur_line:
                cur_line.append(reversed_chunks.pop())
            return
        word = reversed_chunks[-1]
        cut = room
        if self.break_on_hyphens and len(word) > room:
            dash = word.rfind("-", 0, room)
            if dash > 0 and word[:dash].strip("-"):
                cut = dash + 1
        cur_line.append(word[:cut])
        reversed_chunks[-1] = word[cut:]

    def _wrap_chunks(self, chunks):
        full = self.width
        if full <= 0:
            raise ValueError("invalid width %r (must be > 0)" % full)
        limit = self.max_lines
        mark = self.placeholder
        if limit is not None:
            first_of_last = (self.subsequent_indent if limit > 1
                             else self.initial_indent)
            if len(first_of_last) + len(mark.lstrip()) > full:
                raise ValueError("placeholder too large for max width")
        drop = self.drop_whitespace
        out = []
        pending = chunks[::-1]
        while pending:
            lead = self.subsequent_indent if out else self.initial_indent
            room = full - len(lead)
            if drop and out and not pending[-1].strip():
                pending.pop()
            taken = []
            used = 0
            while pending and used + len(pending[-1]) <= room:
                piece = pending.pop()
                taken.append(piece)
                used += len(piece)
            if pending and len(pending[-1]) > room:
                self._handle_long_word(pending, taken, used, room)
                used = sum([len(piece) for piece in taken])
            if drop and taken and not taken[-1].strip():
                used -= len(taken.pop())
            if not taken:
                continue
            if limit is None or len(out) + 1 < limit:
                out.append(lead + "".join(taken))
                continue
            rest_is_blank = not pending or (
                drop and len(pending) == 1 and not pending[0].strip())
            if rest_is_blank and used <= room:
                out.append(lead + "".join(taken))
                continue
            self._end_with_placeholder(out, taken, used, lead, room)
            break
        return out

    def _end_with_placeholder(self, out, taken, used, lead, room):
        # The last line allowed: drop chunks from its end until the
        # placeholder fits after a non-blank one.
        mark = self.placeholder
        while taken:
            if taken[-1].strip() and used + len(mark) <= room:
                out.append(lead + "".join(taken) + mark)
                return
            used -= len(taken.pop())
        if out:
            previous = out[-1].rstrip()
            if len(previous) + len(mark) <= self.width:
                out[-1] = previous + mark
                return
        out.append(lead + mark.lstrip())

    # -- public

    def wrap(self, text):
        pieces = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(pieces)
        return self._wrap_chunks(pieces)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    squeezed = " ".join(text.strip().split())
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(squeezed)


_BLANK_LINE = re.compile(r"^[ \t]+$", re.MULTILINE)
_LINE_INDENT = re.compile(r"^([ \t]*)[^ \t\n]", re.MULTILINE)


def dedent(text):
    text = _BLANK_LINE.sub("", text)
    margins = _LINE_INDENT.findall(text)
    if not margins:
        return text
    low, high = min(margins), max(margins)
    common = 0
    for a, b in zip(low, high):
        if a != b:
            break
        common += 1
    if not common:
        return text
    return re.sub("(?m)^" + low[:common], "", text)


def indent(text, prefix, predicate=None):
    keep = predicate
    if keep is None:
        keep = str.strip
    return "".join([prefix + line if keep(line) else line
                    for line in text.splitlines(True)])
