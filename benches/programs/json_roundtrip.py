# JSON round trips of a large document: json.dumps and json.loads (the
# encoder and scanner), with indent and sort_keys variants.
import json

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_document(n):
    seed = 12345
    records = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        w = WORDS[seed % len(WORDS)]
        records.append({
            "id": i,
            "name": w + "-" + str(seed % 1000),
            "title": "The \"%s\" item\tnumber %d, caf\u00e9 \u2603" % (w, i),
            "score": (seed % 100000) / 7.0,
            "ratio": seed / 2147483648.0,
            "active": seed % 3 == 0,
            "parent": None if i % 4 == 0 else i // 4,
            "tags": [WORDS[(seed >> k) % len(WORDS)] for k in range(0, 12, 3)],
            "counts": [seed % 97, seed % 89, -(seed % 83), 10 ** (i % 25)],
            "meta": {"created": 1600000000 + seed % 100000000, "version": i % 7,
                     "path": "/data/%s/%d.json" % (w, i), "ok": True},
        })
    return {"version": 3, "generator": "krait-bench", "records": records}


def checksum(document):
    # A summary of the decoded records that touches every field.
    total = document["version"] + len(document["generator"])
    for r in document["records"]:
        total += r["id"] + len(r["name"]) + len(r["title"]) + len(r["tags"])
        total += int(r["score"]) + int(r["ratio"] * 1000) + r["active"]
        total += 0 if r["parent"] is None else r["parent"]
        total += sum(r["counts"]) % 1000003
        meta = r["meta"]
        total += meta["created"] % 1000 + meta["version"] + len(meta["path"])
    return total


doc = make_document(12000)
total = 0
for _ in range(4):
    text = json.dumps(doc)
    back = json.loads(text)
    total += len(text)
print(len(text), total, back == doc, checksum(back))
pretty = json.dumps(doc, indent=2, sort_keys=True)
again = json.loads(pretty)
print(len(pretty), again == doc)
raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
print(len(raw), json.loads(raw) == doc)
