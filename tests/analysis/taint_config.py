# krait taint --config taint_config.txt
# Sources, sinks and sanitizers from a file; a source that is a method
# (by qualified name) and a builtin sink (`eval`).


class Request:
    def __init__(self, form):
        self.form = form

    def param(self, name):
        return self.form.get(name, "")


def quote(text):
    return repr(str(text))


request = Request({"expr": "1 + 1", "name": "world"})
expression = request.param("expr")
name = request.param("name")
print(eval(quote(expression)))
print(eval(expression))
greeting = "hello " + name
print(greeting)
