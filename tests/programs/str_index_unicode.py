# Indexing, slicing and searching long non-ASCII strings at every
# position (each code point found through the checkpoint index).
text = "".join(chr(0x41 + i % 26) if i % 3 else chr(0x3b1 + i % 20) for i in range(1000))
text += "€" * 7 + "𝄞end"
n = len(text)
print(n, text[0], text[1], text[-1], text[-5], text[999], text[1000])
total = 0
for i in range(n):
    total += ord(text[i]) * (i + 1)
print(total)
print(text[31:34], text[32:65][:5], text[-40:-30], text[::97], text[n - 3 :], text[5:2])
print(text.find("€"), text.find("𝄞"), text.rfind("α"), text.index("end"), text.count("β"))
print(text.find("€", 1003), text.find("€", 500, 1002), text[1000:].find("𝄞"))
pieces = [text[i : i + 33] for i in range(0, n, 33)]
print(len(pieces), "".join(pieces) == text, pieces[-1])
print([text[i] for i in range(0, n, 131)])
print(list(reversed(text[-6:])), text.split("€")[1:3], text.partition("𝄞")[2])
s = "é" * 100
s += "x"
print(s[99], s[100], s[-2:], len(s), s.index("x"))
