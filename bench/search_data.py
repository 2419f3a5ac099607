"""Data for bench/search.sh: a 1,000,000-book CSV from lc-general.csv.xz
(replicated, each replica a distinct book through its edition, with fresh
barcodes) and a seeded query set (exact and one-typo queries of title words)."""
import csv, lzma, random, re, sys

source, out_csv, out_queries = sys.argv[1], sys.argv[2], sys.argv[3]
TARGET = 1_000_000
rows = []
with lzma.open(source, "rt", encoding="utf-8", newline="") as f:
    reader = csv.DictReader(f)
    fields = reader.fieldnames
    rows = list(reader)

if out_csv != "-":
    with open(out_csv, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        n = 0
        replica = 0
        while n < TARGET:
            for row in rows:
                if n >= TARGET:
                    break
                r = dict(row)
                if replica:
                    r["edition"] = (r["edition"] + " " if r["edition"] else "") + f"[replica {replica}]"
                r["barcode"] = f"B{n:07d}"
                writer.writerow(r)
                n += 1
            replica += 1

rng = random.Random(20261126)
letters = "abcdefghijklmnopqrstuvwxyz"
def typo(word):
    i = rng.randrange(len(word))
    kind = rng.choice(["sub", "del", "ins", "swap"])
    if kind == "sub":
        return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1:]
    if kind == "del":
        return word[:i] + word[i + 1:]
    if kind == "ins":
        return word[:i] + rng.choice(letters) + word[i:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]

with open(out_queries, "w", encoding="utf-8") as f:
    made = 0
    while made < 300:
        row = rng.choice(rows)
        words = [w for w in re.findall(r"[a-z]+", row["title"].lower()) if len(w) >= 5]
        if len(words) < 2:
            continue
        chosen = sorted(words, key=len, reverse=True)[:2]
        f.write("exact\t" + " ".join(chosen) + "\n")
        f.write("typo\t" + " ".join([typo(chosen[0])] + chosen[1:]) + "\n")
        made += 1
