"""Writing a Message object model back out as text or bytes (krait
implementation)."""

__all__ = ['Generator',
           'DecodedGenerator',
           'BytesGenerator']

import re
import sys
import time
import random
from copy import deepcopy
from io import StringIO, BytesIO

from email import _policybase

_has_escapes = _policybase._has_escapes
_encode_escaped = _policybase._encode_escaped

UNDERSCORE = '_'
NL = '\n'

# Any line ending, and a "From " at the start of a line (which mbox
# readers would take for a message separator).
NLCRE = re.compile('\r\n|\r|\n')
fcre = re.compile('^From ', re.M)

_DIGITS = len(str(sys.maxsize - 1))
_fmt = '%0' + str(_DIGITS) + 'd'


def _unfrom(text):
    return fcre.sub('>From ', text)


class Generator:
    """Writes a message tree to a text file-like object."""

    def __init__(self, outfp,
                 mangle_from_=None,
                 maxheaderlen=None, *,
                 policy=None):
        if mangle_from_ is None:
            if policy is None:
                mangle_from_ = True
            else:
                mangle_from_ = policy.mangle_from_
        self._fp = outfp
        self._mangle_from_ = mangle_from_
        self.maxheaderlen = maxheaderlen
        self.policy = policy

    def write(self, s):
        self._fp.write(s)

    def flatten(self, msg,
                unixfrom=False,
                linesep=None):
        effective = self.policy
        if effective is None:
            effective = msg.policy
        changes = {}
        if linesep is not None:
            changes['linesep'] = linesep
        if self.maxheaderlen is not None:
            changes['max_line_length'] = self.maxheaderlen
        if changes:
            effective = effective.clone(**changes)
        self._NL = effective.linesep
        self._encoded_NL = self._encode(effective.linesep)
        self._EMPTY = ''
        self._encoded_EMPTY = self._encode('')
        # Both the generator and the message see the effective policy
        # while the message is written out.
        saved = (self.policy, msg.policy)
        self.policy = msg.policy = effective
        try:
            if unixfrom:
                envelope = msg.get_unixfrom()
                if not envelope:
                    stamp = time.ctime(time.time())
                    envelope = 'From nobody ' + stamp
                self.write(envelope + self._NL)
            self._write(msg)
        finally:
            self.policy, msg.policy = saved

    def clone(self, fp):
        cls = type(self)
        return cls(fp, self._mangle_from_, None,
                   policy=self.policy)

    def _new_buffer(self):
        return StringIO()

    def _encode(self, s):
        return s

    def _write_lines(self, lines):
        if not lines:
            return
        pieces = NLCRE.split(lines)
        last = pieces.pop()
        for piece in pieces:
            self.write(piece)
            self.write(self._NL)
        if last:
            self.write(last)

    def _write(self, part):
        # The body is rendered first (into a buffer) because rendering it
        # may have to change headers: a boundary gets invented, or 8-bit
        # text gets a transfer encoding.
        outer = self._fp
        self._munge_cte = None
        body = self._new_buffer()
        self._fp = body
        try:
            self._dispatch(part)
        finally:
            self._fp = outer
            munged = self._munge_cte
            del self._munge_cte
        if munged:
            new_cte, new_ctype = munged
            part = deepcopy(part)
            if part.get('content-transfer-encoding') is None:
                part['Content-Transfer-Encoding'] = new_cte
            else:
                part.replace_header('content-transfer-encoding',
                                   new_cte)
            part.replace_header('content-type', new_ctype)
        own_writer = getattr(part, '_write_headers', None)
        if own_writer is not None:
            own_writer(self)
        else:
            self._write_headers(part)
        outer.write(body.getvalue())

    def _dispatch(self, part):
        main = part.get_content_maintype()
        full = main + '_' + part.get_content_subtype()
        for key in (full, main):
            handler = getattr(self, '_handle_' + key.replace('-', '_'),
                              None)
            if handler is not None:
                break
        else:
            handler = self._writeBody
        handler(part)

    def _write_headers(self, part):
        policy = self.policy
        for field, value in part.raw_items():
            self.write(policy.fold(field, value))
        self.write(self._NL)

    def _handle_text(self, part):
        text = part.get_payload()
        if text is None:
            return
        if not isinstance(text, str):
            raise TypeError('string payload expected: %s'
                            % type(text))
        if _has_escapes(part._payload):
            cs = part.get_param('charset')
            if cs is not None:
                # Re-encode 8-bit text for a text-only output, on a copy.
                part = deepcopy(part)
                del part['content-transfer-encoding']
                part.set_payload(text, cs)
                text = part.get_payload()
                self._munge_cte = (part['content-transfer-encoding'],
                                   part['content-type'])
        if self._mangle_from_:
            text = _unfrom(text)
        self._write_lines(text)

    _writeBody = _handle_text

    def _flatten_part(self, part):
        buf = self._new_buffer()
        self.clone(buf).flatten(part, unixfrom=False,
                                linesep=self._NL)
        return buf.getvalue()

    def _write_framing(self, text):
        # Preamble and epilogue text, From-mangled if asked.
        if self._mangle_from_:
            text = _unfrom(text)
        self._write_lines(text)

    def _handle_multipart(self, part):
        parts = part.get_payload()
        if isinstance(parts, str):
            self.write(parts)
            return
        if parts is None:
            parts = []
        elif not isinstance(parts, list):
            parts = [parts]
        rendered = [self._flatten_part(p) for p in parts]
        sep = part.get_boundary()
        if not sep:
            sep = self._make_boundary(self._encoded_NL.join(rendered))
            part.set_boundary(sep)
        nl = self._NL
        if part.preamble is not None:
            self._write_framing(part.preamble)
            self.write(nl)
        self.write('--%s%s' % (sep, nl))
        for index, text in enumerate(rendered):
            if index:
                self.write('%s--%s%s' % (nl, sep, nl))
            self._fp.write(text)
        self.write('%s--%s--%s' % (nl, sep, nl))
        if part.epilogue is not None:
            self._write_framing(part.epilogue)

    def _handle_multipart_signed(self, part):
        # Signed content must not be refolded.
        outer_policy = self.policy
        self.policy = outer_policy.clone(max_line_length=0)
        try:
            self._handle_multipart(part)
        finally:
            self.policy = outer_policy

    def _handle_message_delivery_status(self, part):
        nl = self._encoded_NL
        blocks = []
        for sub in part.get_payload():
            text = self._flatten_part(sub)
            pieces = text.split(nl)
            if pieces and pieces[-1] == self._encoded_EMPTY:
                text = nl.join(pieces[:-1])
            blocks.append(text)
        self._fp.write(nl.join(blocks))

    def _handle_message(self, part):
        inner = part._payload
        if isinstance(inner, list):
            out = self._flatten_part(part.get_payload(0))
        else:
            out = self._encode(inner)
        self._fp.write(out)

    @classmethod
    def _make_boundary(cls, text=None):
        token = random.randrange(sys.maxsize)
        base = '=' * 15 + (_fmt % token) + '=='
        if text is None:
            return base
        candidate = base
        counter = 0
        while True:
            pattern = '^--' + re.escape(candidate) + '(--)?$'
            if not cls._compile_re(pattern, re.M).search(text):
                return candidate
            candidate = '%s.%d' % (base, counter)
            counter += 1

    @classmethod
    def _compile_re(cls, s, flags):
        return re.compile(s, flags)


class BytesGenerator(Generator):
    """Writes a message tree to a binary file-like object; bytes that came
    in undecodable go out unchanged."""

    def write(self, s):
        self._fp.write(_encode_escaped(s, 'ascii'))

    def _new_buffer(self):
        return BytesIO()

    def _encode(self, s):
        return s.encode('ascii')

    def _write_headers(self, part):
        policy = self.policy
        for field, value in part.raw_items():
            self._fp.write(policy.fold_binary(field, value))
        self.write(self._NL)

    def _handle_text(self, part):
        raw = part._payload
        if raw is None:
            return
        if self.policy.cte_type != '7bit' and _has_escapes(raw):
            if self._mangle_from_:
                raw = part._payload = _unfrom(raw)
            self._write_lines(raw)
        else:
            Generator._handle_text(self, part)

    _writeBody = _handle_text

    @classmethod
    def _compile_re(cls, s, flags):
        return re.compile(s.encode('ascii'), flags)


_FMT = ('[Non-text (%(type)s) part of message omitted, '
        'filename %(filename)s]')


def _describe(part):
    maintype, _, subtype = part.get_content_type().partition('/')
    return dict(type=part.get_content_type(),
                maintype=maintype,
                subtype=subtype,
                filename=part.get_filename('[no filename]'),
                description=part.get('Content-Description',
                                     '[no description]'),
                encoding=part.get('Content-Transfer-Encoding',
                                  '[no encoding]'))


class DecodedGenerator(Generator):
    """Writes the text parts of a message as they are, and a one-line note
    for each non-text part."""

    def __init__(self, outfp, mangle_from_=None,
                 maxheaderlen=None, fmt=None,
                 *, policy=None):
        super().__init__(outfp, mangle_from_, maxheaderlen,
                         policy=policy)
        self._fmt = _FMT if fmt is None else fmt

    def _dispatch(self, msg):
        for sub in msg.walk():
            kind = sub.get_content_maintype()
            if kind == 'text':
                print(sub.get_payload(decode=False), file=self)
            elif kind != 'multipart':
                print(self._fmt % _describe(sub), file=self)
