"""Data for bench/serve.sh: search queries (one or two words of a title,
URL-encoded, one a line, seeded) and the barcodes of the general records,
from the CSV that lc-general.csv.xz decompresses to."""
import csv, random, re, sys, urllib.parse

source, out_queries, out_barcodes = sys.argv[1], sys.argv[2], sys.argv[3]
rng = random.Random(20261206)
with open(source, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
queries = []
while len(queries) < 5000:
    words = [w for w in re.findall(r"[a-z]+", rng.choice(rows)["title"].lower()) if len(w) >= 4]
    if not words:
        continue
    picked = rng.sample(words, min(len(words), rng.choice([1, 2])))
    queries.append(urllib.parse.quote(" ".join(picked)))
with open(out_queries, "w") as f:
    f.write("\n".join(queries) + "\n")
with open(out_barcodes, "w") as f:
    f.write("\n".join(r["barcode"] for r in rows) + "\n")
