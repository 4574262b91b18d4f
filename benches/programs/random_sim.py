"""A seeded Monte Carlo simulation: a queue of customers with random
arrivals and service times, random walks, shuffles and samples — the
`random` module's generator and distributions under load."""

import random

def queue_simulation(rng, customers):
    clock = 0.0
    server_free = 0.0
    waited = 0.0
    for _ in range(customers):
        clock += rng.expovariate(1.0)
        start = max(clock, server_free)
        waited += start - clock
        server_free = start + rng.uniform(0.2, 1.6)
    return waited / customers

def random_walks(rng, walks, steps):
    total = 0
    for _ in range(walks):
        position = 0
        for _ in range(steps):
            position += rng.choice((-1, 1))
        total += abs(position)
    return total

def card_games(rng, games):
    deck = list(range(52))
    wins = 0
    for _ in range(games):
        rng.shuffle(deck)
        hand = rng.sample(deck, 5)
        if sum(card % 13 for card in hand) > 30:
            wins += 1
    return wins

rng = random.Random(12345)
print("queue", round(queue_simulation(rng, 50000), 6))
print("walks", random_walks(rng, 100, 400))
print("cards", card_games(rng, 3000))
print("gauss", round(sum(rng.gauss(0.0, 1.0) for _ in range(20000)), 6))
print("ints", sum(rng.randint(1, 1000) for _ in range(20000)))
print("choices", sum(rng.choices(range(10), weights=range(1, 11), k=10000)))
