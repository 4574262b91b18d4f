# dir(module): the module's namespace, sorted, or what its own __dir__ says.
import m, m2; print(dir(m)); print(dir(m2))
