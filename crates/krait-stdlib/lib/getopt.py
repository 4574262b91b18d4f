"""C-style command line option parsing for krait: getopt, gnu_getopt and
GetoptError (also called error).

In `shortopts` a letter followed by ':' takes an argument; in `longopts` a
name ending in '=' does.  Long options may be shortened to any unique
prefix.  Messages are English only.
"""

import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    """Bad command line: `msg` says why, `opt` names the option."""
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        super().__init__(msg, opt)
        self.msg, self.opt = msg, opt

    def __str__(self):
        return self.msg


error = GetoptError


def _long_names(longopts, exact=False):
    if type(longopts) is str or not exact and isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def _is_option(word):
    return len(word) > 1 and word[0] == '-'


def getopt(args, shortopts, longopts=[]):
    """Parse leading options of `args`; stop at '--' or the first word
    that is not an option.  Returns (pairs, remaining words)."""
    names = _long_names(longopts, True)
    found = []
    rest = args
    while rest and _is_option(rest[0]):
        word = rest[0]
        if word == '--':
            return found, rest[1:]
        if word[1] == '-':
            found, rest = do_longs(found, word[2:], names, rest[1:])
        else:
            found, rest = do_shorts(found, word[1:], shortopts, rest[1:])
    return found, rest


def gnu_getopt(args, shortopts, longopts=[]):
    """getopt that lets options and operands interleave, unless
    `shortopts` begins with '+' or POSIXLY_CORRECT is set."""
    names = _long_names(longopts)
    strict_order = False
    if shortopts[:1] == '+':
        shortopts = shortopts[1:]
        strict_order = True
    elif os.environ.get('POSIXLY_CORRECT'):
        strict_order = True

    found = []
    operands = []
    rest = args
    while rest:
        word = rest[0]
        if word == '--':
            operands.extend(rest[1:])
            break
        if word.startswith('--'):
            found, rest = do_longs(found, word[2:], names, rest[1:])
        elif _is_option(word):
            found, rest = do_shorts(found, word[1:], shortopts, rest[1:])
        elif strict_order:
            operands.extend(rest)
            break
        else:
            operands.append(word)
            rest = rest[1:]
    return found, operands


def do_longs(opts, opt, longopts, args):
    name, has_value, value = opt.partition('=')
    wants_value, name = long_has_args(name, longopts)
    if wants_value:
        if not has_value:
            if not args:
                raise GetoptError(f'option --{name} requires argument', name)
            value = args[0]
            args = args[1:]
    elif has_value:
        raise GetoptError(f'option --{name} must not have an argument', name)
    opts.append(('--' + name, value))
    return opts, args


def long_has_args(opt, longopts):
    """(whether the option takes a value, its full name) for a long
    option that may be abbreviated."""
    hits = [name for name in longopts if name.startswith(opt)]
    if not hits:
        raise GetoptError(f'option --{opt} not recognized', opt)
    # A name given in full beats longer names it is the start of.
    for exact, wants_value in ((opt, False), (opt + '=', True)):
        if exact in hits:
            return wants_value, opt
    if len(hits) != 1:
        raise GetoptError(f'option --{opt} not a unique prefix', opt)
    only = hits[0]
    wants_value = only.endswith('=')
    return wants_value, only[:-1] if wants_value else only


def do_shorts(opts, optstring, shortopts, args):
    pos = 0
    end = len(optstring)
    while pos < end:
        letter = optstring[pos]
        pos += 1
        if not short_has_arg(letter, shortopts):
            opts.append(('-' + letter, ''))
            continue
        # The value is the rest of this word, or else the next word.
        if pos < end:
            value = optstring[pos:]
        elif args:
            value, args = args[0], args[1:]
        else:
            raise GetoptError(f'option -{letter} requires argument', letter)
        opts.append(('-' + letter, value))
        break
    return opts, args


def short_has_arg(opt, shortopts):
    at = shortopts.find(opt) if opt != ':' else -1
    if at < 0:
        raise GetoptError(f'option -{opt} not recognized', opt)
    return shortopts[at + 1:at + 2] == ':'
