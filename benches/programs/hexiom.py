# Backtracking search: a Hexiom-style puzzle solver. Numbered tiles must be
# placed on a hexagonal board so that each tile's number equals the count of
# its occupied neighbours. Puzzles are generated from random layouts (a
# linear congruential generator written here), a few tiles are pinned, and
# a depth-first search with incremental neighbour counts finds every
# solution.
#
# Checked results: every solution found satisfies all tiles, and the layout
# each puzzle was generated from is among them.

DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
EMPTY = -1


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


class HexBoard:
    """A hexagon of side `side` in axial coordinates, cells numbered from the
    centre outwards (ring by ring) so the search meets constraints early."""

    def __init__(self, side):
        self.side = side
        limit = side - 1
        coords = [(q, r) for q in range(-limit, limit + 1)
                  for r in range(-limit, limit + 1) if abs(q + r) <= limit]
        coords.sort(key=lambda c: (max(abs(c[0]), abs(c[1]), abs(c[0] + c[1])), c))
        self.coords = coords
        index = {c: i for i, c in enumerate(coords)}
        self.neighbours = []
        for q, r in coords:
            self.neighbours.append(tuple(index[(q + dq, r + dr)] for dq, dr in DIRECTIONS
                                         if (q + dq, r + dr) in index))
        self.size = len(coords)

    def numbers(self, occupied):
        return [sum(1 for n in self.neighbours[i] if occupied[i] and occupied[n])
                if occupied[i] else EMPTY for i in range(self.size)]

    def valid(self, layout):
        for i, tile in enumerate(layout):
            if tile != EMPTY:
                if tile != sum(1 for n in self.neighbours[i] if layout[n] != EMPTY):
                    return False
        return True


class Puzzle:
    def __init__(self, board, tiles, pinned):
        self.board = board
        self.tiles = tiles          # tiles[v]: how many tiles numbered v
        self.pinned = pinned        # cell -> tile (or EMPTY) fixed in place


class Solver:
    def __init__(self, puzzle):
        self.board = puzzle.board
        self.pinned = puzzle.pinned
        self.remaining = list(puzzle.tiles)
        n = self.board.size
        self.empties = n - len(self.pinned) - sum(puzzle.tiles)
        self.layout = [None] * n
        self.occupied_around = [0] * n
        self.open_around = [len(self.board.neighbours[i]) for i in range(n)]
        self.solutions = []
        self.nodes = 0
        self.possible = True
        for cell in sorted(self.pinned):
            if not self.place(cell, self.pinned[cell]):
                self.possible = False

    def fits(self, cell):
        tile = self.layout[cell]
        if tile is None or tile == EMPTY:
            return True
        occ = self.occupied_around[cell]
        return occ <= tile <= occ + self.open_around[cell]

    def place(self, cell, tile):
        """Sets a cell; returns False (and undoes nothing) when a neighbour
        or the cell itself can no longer be satisfied."""
        self.layout[cell] = tile
        full = tile != EMPTY
        ok = True
        for n in self.board.neighbours[cell]:
            self.open_around[n] -= 1
            if full:
                self.occupied_around[n] += 1
            if ok and not self.fits(n):
                ok = False
        return ok and self.fits(cell)

    def unplace(self, cell):
        full = self.layout[cell] != EMPTY
        for n in self.board.neighbours[cell]:
            self.open_around[n] += 1
            if full:
                self.occupied_around[n] -= 1
        self.layout[cell] = None

    def choices(self, cell):
        options = []
        if self.empties > 0:
            options.append(EMPTY)
        limit = len(self.board.neighbours[cell])
        for v in range(limit + 1):
            if self.remaining[v] > 0:
                options.append(v)
        return options

    def search(self, cell):
        self.nodes += 1
        if cell == self.board.size:
            self.solutions.append(list(self.layout))
            return
        if cell in self.pinned:
            self.search(cell + 1)
            return
        for tile in self.choices(cell):
            if tile == EMPTY:
                self.empties -= 1
            else:
                self.remaining[tile] -= 1
            if self.place(cell, tile):
                self.search(cell + 1)
            self.unplace(cell)
            if tile == EMPTY:
                self.empties += 1
            else:
                self.remaining[tile] += 1


def make_puzzle(board, rng, density, pins):
    occupied = [rng.below(100) < density for _ in range(board.size)]
    layout = board.numbers(occupied)
    tiles = [0] * 7
    for tile in layout:
        if tile != EMPTY:
            tiles[tile] += 1
    pinned = {}
    while len(pinned) < pins:
        cell = rng.below(board.size)
        pinned[cell] = layout[cell]
    # Pinned tiles are not in the bag.
    for cell in pinned:
        if pinned[cell] != EMPTY:
            tiles[pinned[cell]] -= 1
    return Puzzle(board, tiles, pinned), layout


def main():
    rng = Rng(31337)
    boards = {3: HexBoard(3), 4: HexBoard(4)}
    print("cells", boards[3].size, boards[4].size)
    all_valid = True
    originals_found = True
    total_solutions = 0
    total_nodes = 0
    digest = 0
    specs = [(3, 60, 3)] * 8 + [(4, 55, 18)] * 12
    for side, density, pins in specs:
        board = boards[side]
        puzzle, original = make_puzzle(board, rng, density, pins)
        solver = Solver(puzzle)
        if solver.possible:
            solver.search(0)
        solutions = solver.solutions
        all_valid = all_valid and all(board.valid(s) for s in solutions)
        originals_found = originals_found and original in solutions
        total_solutions += len(solutions)
        total_nodes += solver.nodes
        for s in solutions:
            for tile in s:
                digest = (digest * 11 + tile + 2) % 1000000007
        print("side", side, "tiles", puzzle.tiles, "solutions", len(solutions), "nodes", solver.nodes)
    print("all solutions valid:", all_valid, "originals found:", originals_found)
    print("solutions", total_solutions, "nodes", total_nodes)
    print("checksum", digest)


main()
