Z = "deep"
