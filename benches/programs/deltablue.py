# Object graphs: the DeltaBlue incremental constraint solver. Variables
# linked by constraints of different strengths; adding and removing a
# constraint re-plans incrementally (walkabout strengths, marks, propagation);
# plans are extracted and executed. Exercised on long equality chains and on
# scale/offset projections, as in the classic benchmark.
#
# Checked results: every chain copies its first value to its last; the
# projections reproduce dst = src * scale + offset in both directions.


class Strength:
    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def stronger(self, other):
        return self.rank < other.rank

    def weaker(self, other):
        return self.rank > other.rank

    def weakest_of(self, other):
        return self if self.rank > other.rank else other

    def next_weaker(self):
        return STRENGTHS[self.rank + 1]


STRENGTHS = [Strength(rank, name) for rank, name in enumerate(
    ["required", "strong preferred", "preferred", "strong default",
     "normal", "weak default", "weakest"])]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS

NONE, FORWARD, BACKWARD = 0, 1, 2


class SolverError(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def attach(self, constraint):
        self.constraints.append(constraint)

    def detach(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def uninstall(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        """Satisfies this constraint if it can; returns the constraint it
        overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise SolverError("cannot satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise SolverError("cycle")
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        Constraint.__init__(self, planner, strength)
        self.var = var
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.var.attach(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.detach(self)
        self.satisfied = False

    def choose_method(self, mark):
        var = self.var
        self.satisfied = var.mark != mark and self.strength.stronger(var.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        var = self.var
        var.walk_strength = self.strength
        var.stay = not self.is_input()
        if var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, a, b, strength):
        Constraint.__init__(self, planner, strength)
        self.a = a
        self.b = b
        self.direction = NONE
        self.install()

    def add_to_graph(self):
        self.a.attach(self)
        self.b.attach(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.a.detach(self)
        self.b.detach(self)
        self.direction = NONE

    def choose_method(self, mark):
        a, b, strength = self.a, self.b, self.strength
        if a.mark == mark:
            if b.mark != mark and strength.stronger(b.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
        elif b.mark == mark:
            if a.mark != mark and strength.stronger(a.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif a.walk_strength.weaker(b.walk_strength):
            self.direction = BACKWARD if strength.stronger(a.walk_strength) else NONE
        else:
            self.direction = FORWARD if strength.stronger(b.walk_strength) else BACKWARD

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def mark_inputs(self, mark):
        self.input().mark = mark

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = self.strength.weakest_of(source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """b = a * scale + offset, solved in either direction."""

    def __init__(self, planner, a, scale, offset, b, strength):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, planner, a, b, strength)

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.attach(self)
        self.offset.attach(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.detach(self)
        self.offset.detach(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = self.strength.weakest_of(source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan:
    def __init__(self):
        self.steps = []

    def add(self, constraint):
        self.steps.append(constraint)

    def execute(self):
        for constraint in self.steps:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for c in unsatisfied:
                if c.strength is strength:
                    self.incremental_add(c)
            strength = strength.next_weaker()
            if strength is WEAKEST:
                break

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        i = 0
        while i < len(todo):
            constraint = todo[i]
            i += 1
            out = constraint.output()
            if out.mark != mark and constraint.inputs_known(mark):
                plan.add(constraint)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_for(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])

    def add_propagate(self, constraint, mark):
        todo = [constraint]
        while todo:
            c = todo.pop()
            out = c.output()
            if out.mark == mark:
                self.incremental_remove(constraint)
                return False
            c.recalculate()
            self.add_consumers(out, todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            var = todo.pop()
            for c in var.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = var.determined_by
            for c in var.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, var, todo):
        determining = var.determined_by
        for c in var.constraints:
            if c is not determining and c.is_satisfied():
                todo.append(c)


def chain_test(n):
    """A chain of n+1 variables joined by required equalities; editing the
    first must change the last."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for prev, var in zip(variables, variables[1:]):
        EqualityConstraint(planner, prev, var, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for([edit])
    ok = True
    total = 0
    for i in range(100):
        first.value = i
        plan.execute()
        ok = ok and last.value == i
        total += last.value
    edit.uninstall()
    return ok, total + len(plan.steps)


def change(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.uninstall()


def projection_test(n):
    """n sources projected onto n destinations through one shared scale and
    offset; edits flow forwards and backwards."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources = []
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        sources.append(src)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    src, dst = sources[-1], dests[-1]
    checks = []
    change(planner, src, 17)
    checks.append(dst.value == 1170)
    change(planner, dst, 1050)
    checks.append(src.value == 5)
    change(planner, scale, 5)
    checks.append(all(dests[i].value == i * 5 + 1000 for i in range(n - 1)))
    change(planner, offset, 2000)
    checks.append(all(dests[i].value == i * 5 + 2000 for i in range(n - 1)))
    total = sum(d.value for d in dests) + sum(s.value for s in sources)
    return all(checks), total


def main():
    chains_ok = True
    projections_ok = True
    total = 0
    for rounds in range(110):
        ok, t = chain_test(100 + rounds)
        chains_ok = chains_ok and ok
        ok, p = projection_test(100 + rounds)
        projections_ok = projections_ok and ok
        total = (total * 31 + t * 7 + p) % 1000000007
    print("chain tests ok:", chains_ok)
    print("projection tests ok:", projections_ok)
    print("chain 100:", chain_test(100))
    print("projection 100:", projection_test(100))
    print("checksum", total)


main()
