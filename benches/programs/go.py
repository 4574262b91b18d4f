# A board game: random playouts of Go on a 9x9 board. Stones belong to
# group objects that keep their liberties incrementally (merging on contact,
# removing captured groups, the simple ko rule, no suicide); random moves
# come from a linear congruential generator written here and never fill the
# player's own eyes. A flat Monte Carlo search then rates a few opening
# moves by the playouts that follow them.
#
# Checked results: after every playout the incremental groups and liberties
# equal the ones recomputed from scratch by flood fill, every stone played is
# either on the board or was captured, and each final position's black
# area, white area and neutral points add up to 81.

SIZE = 9
WIDTH = SIZE + 2
EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
KOMI = 7.5


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


def point(row, col):
    return (row + 1) * WIDTH + col + 1


ON_BOARD = [point(r, c) for r in range(SIZE) for c in range(SIZE)]
NEIGHBOURS = [(p - WIDTH, p - 1, p + 1, p + WIDTH) for p in range(WIDTH * WIDTH)]
DIAGONALS = [(p - WIDTH - 1, p - WIDTH + 1, p + WIDTH - 1, p + WIDTH + 1)
             for p in range(WIDTH * WIDTH)]


class Group:
    __slots__ = ("colour", "stones", "liberties")

    def __init__(self, colour, stones, liberties):
        self.colour = colour
        self.stones = stones
        self.liberties = liberties


class Board:
    def __init__(self):
        self.colour = [EDGE] * (WIDTH * WIDTH)
        self.group = [None] * (WIDTH * WIDTH)
        self.empties = list(ON_BOARD)
        self.empty_index = [-1] * (WIDTH * WIDTH)
        for i, p in enumerate(self.empties):
            self.colour[p] = EMPTY
            self.empty_index[p] = i
        self.ko = -1
        self.captured = [0, 0, 0]   # stones of each colour taken off the board
        self.played = [0, 0, 0]

    def _take_empty(self, p):
        i = self.empty_index[p]
        last = self.empties.pop()
        if last != p:
            self.empties[i] = last
            self.empty_index[last] = i
        self.empty_index[p] = -1

    def _give_empty(self, p):
        self.empty_index[p] = len(self.empties)
        self.empties.append(p)

    def is_legal(self, p, colour):
        if self.colour[p] != EMPTY or p == self.ko:
            return False
        for n in NEIGHBOURS[p]:
            c = self.colour[n]
            if c == EMPTY:
                return True
            if c == EDGE:
                continue
            libs = len(self.group[n].liberties)
            if c == colour:
                if libs > 1:
                    return True
            elif libs == 1:
                return True
        return False

    def is_eye(self, p, colour):
        """True for an empty point whose neighbours are all `colour` (or the
        edge) and whose diagonals leave it a real eye."""
        for n in NEIGHBOURS[p]:
            c = self.colour[n]
            if c != colour and c != EDGE:
                return False
        enemy = 0
        edge = 0
        for d in DIAGONALS[p]:
            c = self.colour[d]
            if c == EDGE:
                edge = 1
            elif c != colour and c != EMPTY:
                enemy += 1
        return enemy + edge < 2

    def play(self, p, colour):
        """Plays a legal move."""
        other = BLACK + WHITE - colour
        colours = self.colour
        groups = self.group
        colours[p] = colour
        self._take_empty(p)
        self.played[colour] += 1
        mine = Group(colour, [p], set())
        groups[p] = mine
        taken = []
        for n in NEIGHBOURS[p]:
            c = colours[n]
            if c == EMPTY:
                mine.liberties.add(n)
            elif c == colour:
                g = groups[n]
                if g is not mine:
                    g.liberties.discard(p)
                    if len(g.stones) > len(mine.stones):
                        g, mine = mine, g
                    for s in g.stones:
                        groups[s] = mine
                    mine.stones.extend(g.stones)
                    mine.liberties |= g.liberties
            elif c == other:
                g = groups[n]
                if p in g.liberties:
                    g.liberties.discard(p)
                    if not g.liberties:
                        taken.extend(g.stones)
                        self._remove(g)
        mine.liberties.discard(p)
        if len(taken) == 1 and len(mine.stones) == 1 and len(mine.liberties) == 1:
            self.ko = taken[0]
        else:
            self.ko = -1

    def _remove(self, group):
        colours = self.colour
        groups = self.group
        for s in group.stones:
            colours[s] = EMPTY
            groups[s] = None
            self._give_empty(s)
        self.captured[group.colour] += len(group.stones)
        for s in group.stones:
            for n in NEIGHBOURS[s]:
                g = groups[n]
                if g is not None:
                    g.liberties.add(s)

    def random_move(self, colour, rng):
        empties = self.empties
        n = len(empties)
        if n == 0:
            return -1
        start = rng.below(n)
        for i in range(n):
            p = empties[(start + i) % n]
            if self.is_legal(p, colour) and not self.is_eye(p, colour):
                return p
        return -1

    def playout(self, colour, rng, limit):
        passes = 0
        moves = 0
        while passes < 2 and moves < limit:
            p = self.random_move(colour, rng)
            if p < 0:
                passes += 1
            else:
                passes = 0
                self.play(p, colour)
            moves += 1
            colour = BLACK + WHITE - colour
        return moves

    def area(self):
        """Area scores: (black, white, neutral)."""
        counts = [0, 0, 0, 0]
        seen = [False] * (WIDTH * WIDTH)
        for p in ON_BOARD:
            c = self.colour[p]
            if c != EMPTY:
                counts[c] += 1
                continue
            if seen[p]:
                continue
            region = [p]
            seen[p] = True
            borders = 0
            i = 0
            while i < len(region):
                q = region[i]
                i += 1
                for n in NEIGHBOURS[q]:
                    c = self.colour[n]
                    if c == EMPTY:
                        if not seen[n]:
                            seen[n] = True
                            region.append(n)
                    elif c != EDGE:
                        borders |= c
            owner = borders if borders in (BLACK, WHITE) else 0
            counts[owner] += len(region)
        return counts[BLACK], counts[WHITE], counts[0]

    def consistent(self):
        """Recomputes every group by flood fill and compares."""
        seen = [False] * (WIDTH * WIDTH)
        for p in ON_BOARD:
            c = self.colour[p]
            if c == EMPTY:
                if self.group[p] is not None or self.empties[self.empty_index[p]] != p:
                    return False
                continue
            if seen[p]:
                continue
            stones = [p]
            seen[p] = True
            liberties = set()
            i = 0
            while i < len(stones):
                q = stones[i]
                i += 1
                for n in NEIGHBOURS[q]:
                    d = self.colour[n]
                    if d == EMPTY:
                        liberties.add(n)
                    elif d == c and not seen[n]:
                        seen[n] = True
                        stones.append(n)
            g = self.group[p]
            if g.colour != c or sorted(g.stones) != sorted(stones) or g.liberties != liberties:
                return False
            if any(self.group[s] is not g for s in stones):
                return False
        return len(self.empties) == sum(1 for p in ON_BOARD if self.colour[p] == EMPTY)

    def stones_accounted(self):
        on_board = [0, 0, 0]
        for p in ON_BOARD:
            if self.colour[p] != EMPTY:
                on_board[self.colour[p]] += 1
        return all(on_board[c] + self.captured[c] == self.played[c] for c in (BLACK, WHITE))


def black_wins(board):
    black, white, _ = board.area()
    return black - white - KOMI > 0


def main():
    rng = Rng(2718281828)
    all_ok = True
    total_moves = 0
    digest = 0
    wins = 0
    games = 0
    candidates = [point(r, c) for r, c in ((4, 4), (2, 2), (2, 6), (4, 2), (0, 0), (3, 5))]
    ratings = []
    for first in candidates:
        won = 0
        for _ in range(200):
            board = Board()
            board.play(first, BLACK)
            total_moves += board.playout(WHITE, rng, 300)
            black, white, neutral = board.area()
            all_ok = (all_ok and board.consistent() and board.stones_accounted()
                      and black + white + neutral == SIZE * SIZE)
            if black - white - KOMI > 0:
                won += 1
            digest = (digest * 97 + black * 100 + white) % 1000000007
            games += 1
        wins += won
        ratings.append((won, first))
    best_won, best = max(ratings)
    row, col = divmod(best, WIDTH)
    print("games", games, "moves", total_moves, "black wins", wins)
    print("ratings", [won for won, _ in ratings])
    print("best opening", (row - 1, col - 1), "won", best_won)
    print("groups, liberties and scores consistent:", all_ok)
    print("checksum", digest)


main()
