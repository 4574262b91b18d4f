# An uncaught NameError suggests the nearest name of the frame it was
# raised in: its locals first, then its globals, then the builtins.
import traceback

counter = 0


def lookup():
    total_items = 3
    try:
        return totl_items
    except NameError:
        traceback.print_exc()
    try:
        return countr
    except NameError as e:
        print(traceback.format_exception_only(e)[-1], end='')
    try:
        return lenn('abc')
    except NameError as e:
        print(traceback.format_exception_only(e)[-1], end='')
    return nothing_close_to_this_name


lookup()
