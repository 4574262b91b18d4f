# Import cycles: a partially initialised module is visible to the module it
# imports, and its missing names say so; a module that raises while it is
# imported is not left in sys.modules; a module may replace itself there;
# a module's own __getattr__ (PEP 562) answers for missing attributes.
import sys
import a
print(a.done, a.b.done)
try:
    import raiser
except ZeroDivisionError as e:
    print("caught", e, 'raiser' in sys.modules)
try:
    import raiser
except ZeroDivisionError as e:
    print("caught again", e)
try:
    import circ1
except ImportError as e:
    print(str(e).split(' (/')[0], e.name, 'circ1' in sys.modules, 'circ2' in sys.modules)
import replaced
print(replaced, type(replaced).__name__)
import lazy
print(lazy.answer, lazy.dynamic_thing)
try:
    lazy.missing
except AttributeError as e:
    print(e)
try:
    import lazy.sub
except ModuleNotFoundError as e:
    print(e)
