import b
done = "a done"
