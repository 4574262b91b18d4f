"""Text wrapping and filling (CPython's `textwrap`): wrap, fill, shorten,
dedent, indent and the TextWrapper class.

CPython splits text into chunks with regular expressions; krait has no
`re` yet, so `_split_words` walks the text by hand and produces the same
chunks (whitespace runs, words, hyphenated parts, em-dashes).
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# Only ASCII whitespace separates words (CPython's choice: a no-break
# space is part of a word).
_whitespace = "\t\n\x0b\x0c\r "


def _is_space(c):
    return c in _whitespace


def _is_word_char(c):
    # The re module's \w.
    return c.isalnum() or c == "_"


def _is_letter(c):
    # [^\d\W]: a word character that is not a decimal digit.
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _is_word_punct(c):
    # [\w!"'&.,?]: what may precede an em-dash.
    return _is_word_char(c) or c in "!\"'&.,?"


def _letter_at(text, i):
    return 0 <= i < len(text) and _is_letter(text[i])


def _em_dash_at(text, i):
    """True when text[i:] is two or more hyphens followed by a word char."""
    n = len(text)
    j = i
    while j < n and text[j] == "-":
        j += 1
    return j - i >= 2 and j < n and _is_word_char(text[j])


def _word_end(text, start):
    """End of the word chunk that starts at `start` (a non-space char):
    after a hyphen between letters, before whitespace or the end, or
    before an em-dash."""
    n = len(text)
    e = start + 1
    while True:
        c = text[e] if e < n else ""
        if c == "-":
            # A hyphenated word breaks after the hyphen when two letters
            # (or letter-hyphen-letter) come before and letters follow.
            behind = (_letter_at(text, e - 2) and _letter_at(text, e - 1)) or (
                _letter_at(text, e - 3)
                and e - 2 >= 0
                and text[e - 2] == "-"
                and _letter_at(text, e - 1)
            )
            ahead = _letter_at(text, e + 1) and (
                _letter_at(text, e + 2)
                or (e + 2 < n and text[e + 2] == "-" and _letter_at(text, e + 3))
            )
            if behind and ahead:
                return e + 1
            if _is_word_punct(text[e - 1]) and _em_dash_at(text, e):
                return e
        elif e >= n or _is_space(c):
            return e
        e += 1


def _split_words(text):
    """CPython's TextWrapper.wordsep_re split, done by hand."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        c = text[pos]
        if _is_space(c):
            end = pos + 1
            while end < n and _is_space(text[end]):
                end += 1
        elif c == "-" and pos > 0 and _is_word_punct(text[pos - 1]) and _em_dash_at(text, pos):
            end = pos + 2
            while text[end] == "-":
                end += 1
        else:
            end = _word_end(text, pos)
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _split_on_whitespace(text):
    """Runs of whitespace and runs of everything else."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        space = _is_space(text[pos])
        end = pos + 1
        while end < n and _is_space(text[end]) == space:
            end += 1
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _ends_sentence(chunk):
    """CPython's sentence_end_re: [a-z][.!?]["']? at the end of the chunk."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


class TextWrapper:
    """Object for wrapping/filling text; the keyword arguments of the
    constructor are public attributes."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(" "))

    def __init__(
        self,
        width=70,
        initial_indent="",
        subsequent_indent="",
        expand_tabs=True,
        replace_whitespace=True,
        fix_sentence_endings=False,
        break_long_words=True,
        drop_whitespace=True,
        break_on_hyphens=True,
        tabsize=8,
        *,
        max_lines=None,
        placeholder=" [...]",
    ):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into the chunks that wrapping keeps together."""
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_on_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        """Two spaces after a sentence end ("dog." followed by " ")."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Fit part of a chunk longer than a whole line on the current line."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Break after the last hyphen that has non-hyphens before it.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Lay chunks out in lines of at most self.width characters."""
        lines = []
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Popping from the end is cheap, so work on the reversed list.
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Whitespace at the start of a line (but the first) is dropped.
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]

            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if not cur_line:
                continue
            if (
                self.max_lines is None
                or len(lines) + 1 < self.max_lines
                or (
                    not chunks
                    or self.drop_whitespace
                    and len(chunks) == 1
                    and not chunks[0].strip()
                )
                and cur_len <= width
            ):
                lines.append(indent + "".join(cur_line))
                continue
            # The last line allowed: end it with the placeholder.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """The lines of text wrapped to self.width, without newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped and joined into one string with newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a paragraph into a list of lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap a paragraph into one string of lines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace and truncate text to width, ending with the
    placeholder when words are cut."""
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove the whitespace common to the start of every line.

    Lines of only spaces and tabs are emptied first and do not count;
    a tab and a space are different characters."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line and not line.strip(" \t"):
            lines[i] = ""
    margin = None
    for line in lines:
        content = line.lstrip(" \t")
        if not content:
            continue
        indent = line[: len(line) - len(content)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        size = len(margin)
        lines = [line[size:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate(line) is true
    (by default, lines that are not only whitespace)."""
    if predicate is None:

        def predicate(line):
            return line.strip()

    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
