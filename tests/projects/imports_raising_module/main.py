# An exception raised by an imported module's code, through two files.
import first
