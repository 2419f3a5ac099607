"""Queries for bench/search-lawyers.sh (issue 11): the way lawyers ask, drawn
with a fixed seed from lc-general.csv.xz, as label<TAB>query lines:
  exact    the two longest title words (as bench/search_data.py draws them)
  typo     the same with one typo in the longest
  prefix   the same two words cut to their first 4-6 letters, then a space
           (every word a prefix, none open: `constit admin `)
  edition  the longest title word and the record's edition as an ordinal
           (`chitty 34th`), or its year when it has no numbered edition
  isbn     a record's ISBN-10 typed as its ISBN-13, hyphenated"""
import csv, lzma, random, re, sys

source, out_queries = sys.argv[1], sys.argv[2]
with lzma.open(source, "rt", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))

rng = random.Random(20261201)
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

def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

def isbn13(isbn10):
    body = "978" + isbn10[:9]
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    s = body + str(check)
    return f"{s[:3]}-{s[3]}-{s[4:7]}-{s[7:12]}-{s[12]}"

made = {"exact": 0, "typo": 0, "prefix": 0, "edition": 0, "isbn": 0}
with open(out_queries, "w", encoding="utf-8") as out:
    while min(made.values()) < 200:
        row = rng.choice(rows)
        words = [w for w in re.findall(r"[a-z]+", row["title"].lower()) if len(w) >= 5]
        if len(words) >= 2 and made["exact"] < 200:
            chosen = sorted(words, key=len, reverse=True)[:2]
            out.write("exact\t" + " ".join(chosen) + "\n")
            out.write("typo\t" + " ".join([typo(chosen[0])] + chosen[1:]) + "\n")
            out.write("prefix\t" + " ".join(w[:rng.randint(4, 6)] for w in chosen) + " \n")
            made["exact"] += 1; made["typo"] += 1; made["prefix"] += 1
        if words and made["edition"] < 200:
            number = re.match(r"\d+", row["edition"] or "")
            if number and 1 <= int(number.group()) < 100:
                out.write(f"edition\t{max(words, key=len)} {ordinal(int(number.group()))}\n")
                made["edition"] += 1
            elif re.match(r"\d{4}", row["date"] or ""):
                out.write(f"edition\t{max(words, key=len)} {row['date'][:4]}\n")
                made["edition"] += 1
        isbn = row["isbn"]
        if made["isbn"] < 200 and len(isbn) == 10 and isbn[:9].isdigit():
            out.write("isbn\t" + isbn13(isbn) + "\n")
            made["isbn"] += 1
