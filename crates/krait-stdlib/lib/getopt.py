"""Parser for command line options in the style of C's getopt()
(CPython's `getopt`): getopt, gnu_getopt and GetoptError (alias error).

Short options are letters in `shortopts`, a following ':' meaning the
option takes an argument; long options are names in `longopts`, a
trailing '=' meaning the same, and may be abbreviated to any unique
prefix. Messages are not translated (CPython passes them to gettext).
"""

import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    """An unrecognized option, or a missing or unexpected argument;
    `msg` is the message and `opt` the option concerned."""

    opt = ""
    msg = ""

    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """Parse the options at the start of `args` (typically sys.argv[1:]);
    parsing stops at the first non-option argument or at '--'.

    Returns (options, remaining arguments), each option an (option, value)
    pair such as ('-a', '') or ('--file', 'x').
    """
    opts = []
    if type(longopts) == type(""):
        longopts = [longopts]
    else:
        longopts = list(longopts)
    while args and args[0].startswith("-") and args[0] != "-":
        if args[0] == "--":
            args = args[1:]
            break
        if args[0].startswith("--"):
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt, but options and non-option arguments may be mixed
    (GNU style), unless `shortopts` starts with '+' or the environment
    variable POSIXLY_CORRECT is set; then parsing stops at the first
    non-option argument."""
    opts = []
    prog_args = []
    if isinstance(longopts, str):
        longopts = [longopts]
    else:
        longopts = list(longopts)

    if shortopts.startswith("+"):
        shortopts = shortopts[1:]
        all_options_first = True
    elif os.environ.get("POSIXLY_CORRECT"):
        all_options_first = True
    else:
        all_options_first = False

    while args:
        arg = args[0]
        if arg == "--":
            prog_args += args[1:]
            break
        if arg[:2] == "--":
            opts, args = do_longs(opts, arg[2:], longopts, args[1:])
        elif arg[:1] == "-" and arg != "-":
            opts, args = do_shorts(opts, arg[1:], shortopts, args[1:])
        elif all_options_first:
            prog_args += args
            break
        else:
            prog_args.append(arg)
            args = args[1:]
    return opts, prog_args


def do_longs(opts, opt, longopts, args):
    name, eq, optarg = opt.partition("=")
    if not eq:
        optarg = None
    has_arg, name = long_has_args(name, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError("option --%s requires argument" % name,
                                  name)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError("option --%s must not have an argument" % name,
                          name)
    opts.append(("--" + name, optarg or ""))
    return opts, args


def long_has_args(opt, longopts):
    """Return (takes an argument, full option name) for a possibly
    abbreviated long option."""
    candidates = [o for o in longopts if o.startswith(opt)]
    if not candidates:
        raise GetoptError("option --%s not recognized" % opt, opt)
    # An exact match wins over longer names it is a prefix of.
    if opt in candidates:
        return False, opt
    if opt + "=" in candidates:
        return True, opt
    if len(candidates) > 1:
        raise GetoptError("option --%s not a unique prefix" % opt, opt)
    match = candidates[0]
    if match.endswith("="):
        return True, match[:-1]
    return False, match


def do_shorts(opts, optstring, shortopts, args):
    while optstring != "":
        opt, optstring = optstring[0], optstring[1:]
        if short_has_arg(opt, shortopts):
            # The argument is the rest of this word, or the next word.
            if optstring == "":
                if not args:
                    raise GetoptError("option -%s requires argument" % opt,
                                      opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ""
        else:
            optarg = ""
        opts.append(("-" + opt, optarg))
    return opts, args


def short_has_arg(opt, shortopts):
    if opt != ":":
        i = shortopts.find(opt)
        if i >= 0:
            return shortopts.startswith(":", i + 1)
    raise GetoptError("option -%s not recognized" % opt, opt)
