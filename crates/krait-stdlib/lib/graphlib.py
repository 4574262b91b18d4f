"""Topological sorting of a graph of hashable nodes (CPython's `graphlib`).

`TopologicalSorter` hands out nodes whose predecessors are all done, either
all at once (`static_order`) or in rounds for parallel processing
(`prepare`, `get_ready`, `done`, `is_active`). A cycle is reported by
`prepare` as a `CycleError` whose second argument lists the cycle.
"""

from types import GenericAlias

__all__ = ["TopologicalSorter", "CycleError"]

# A node's count of unfinished predecessors becomes one of these once the
# node has been handed out by get_ready, and then marked done.
_HANDED_OUT = -1
_DONE = -2

_exhausted = object()


class _NodeInfo:
    __slots__ = ("node", "waiting_on", "successors")

    def __init__(self, node):
        self.node = node
        # How many predecessors are not done yet (or _HANDED_OUT/_DONE).
        self.waiting_on = 0
        # Nodes that have this one as a predecessor, once per add().
        self.successors = []


class CycleError(ValueError):
    """Raised by TopologicalSorter.prepare when the graph has a cycle.
    `args[1]` is the cycle as a list of nodes whose first and last items
    are the same node, each node a predecessor of the next."""
    pass


class TopologicalSorter:
    """Sorts a graph of hashable nodes topologically."""

    def __init__(self, graph=None):
        self._nodes = {}        # node -> _NodeInfo, in the order first seen
        self._ready = None      # nodes to hand out; None until prepare()
        self._handed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _NodeInfo(node)
        return info

    def add(self, node, *predecessors):
        """Add `node` to the graph, after `predecessors` (which are added
        too). A node may be added several times; its predecessors add up.
        Not allowed after prepare()."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.waiting_on += len(predecessors)
        for predecessor in predecessors:
            self._info(predecessor).successors.append(node)

    def prepare(self):
        """Finish the graph and check it for cycles (CycleError). Nodes
        without predecessors become ready."""
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [info.node for info in self._nodes.values()
                       if info.waiting_on == 0]
        # The graph is fine up to the first cycle, so nodes before it can
        # still be processed if the caller catches the error.
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """A tuple of the nodes whose predecessors are all done and that
        were not handed out before (empty when there are none yet)."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready)
        nodes = self._nodes
        for node in result:
            nodes[node].waiting_on = _HANDED_OUT
        self._ready.clear()
        self._handed_out += len(result)
        return result

    def is_active(self):
        """True while some node is ready or handed out and not yet done:
        that is, while get_ready() can still give something."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._finished < self._handed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark handed-out nodes as processed, which may make their
        successors ready."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        all_nodes = self._nodes
        for node in nodes:
            info = all_nodes.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            if info.waiting_on != _HANDED_OUT:
                if info.waiting_on >= 0:
                    raise ValueError(
                        f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.waiting_on = _DONE
            for successor in info.successors:
                successor_info = all_nodes[successor]
                successor_info.waiting_on -= 1
                if successor_info.waiting_on == 0:
                    self._ready.append(successor)
            self._finished += 1

    def _find_cycle(self):
        """The first cycle a depth-first walk finds (starting from the
        nodes in the order they were added, following successors in the
        order they were added), or None."""
        nodes = self._nodes
        visited = set()
        path = []               # the nodes of the current walk
        path_index = {}         # node -> its position in path
        successor_iters = []    # for each node on path: what is left
        for start in nodes:
            if start in visited:
                continue
            node = start
            while True:
                if node in visited:
                    if node in path_index:
                        return path[path_index[node]:] + [node]
                else:
                    visited.add(node)
                    path_index[node] = len(path)
                    path.append(node)
                    successor_iters.append(iter(nodes[node].successors))
                # Go on with the deepest node on the path that has another
                # successor; the walk from `start` ends when none has.
                while path:
                    node = next(successor_iters[-1], _exhausted)
                    if node is not _exhausted:
                        break
                    del path_index[path.pop()]
                    successor_iters.pop()
                else:
                    break
        return None

    def static_order(self):
        """Prepare, then yield every node in a topological order."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    __class_getitem__ = classmethod(GenericAlias)
