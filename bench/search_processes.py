"""Whole-process timings for bench/search.sh: lawcat search, the sqlite3
shell (plain FTS5, the floor) and sqlite-utils search, same queries, same
file, interleaved so that they share the machine's state."""
import statistics, subprocess, sys, time, re

lawcat, db, queries_file, sqlite_utils, su_db = sys.argv[1:6]
queries = [line.rstrip("\n").split("\t", 1) for line in open(queries_file, encoding="utf-8")]
queries = queries[:80]

def fts(q):
    return " AND ".join('"' + w + '"' for w in re.findall(r"\w+", q))

tools = {
    "lawcat search": lambda q: [lawcat, "search", "--db", db, "--json", q],
    # The four text columns, not the edition and year (schema v11), which weigh nothing.
    "sqlite3 shell (plain FTS5)": lambda q: ["sqlite3", db,
        "SELECT b.* FROM book_fts f JOIN book b ON b.id = f.rowid WHERE book_fts MATCH '{title authors subjects jurisdiction} : ("
        + fts(q).replace("'", "''") + ")' ORDER BY bm25(book_fts, 10.0, 5.0, 2.0, 1.0, 0.0) LIMIT 20"],
    "sqlite-utils search": lambda q: [sqlite_utils, "search", su_db, "book", q, "--limit", "20", "--quote"],
}
times = {name: {"exact": [], "typo": []} for name in tools}
found = {name: {"exact": 0, "typo": 0} for name in tools}
for label, q in queries:
    for name, command in tools.items():
        start = time.perf_counter()
        result = subprocess.run(command(q), capture_output=True, text=True)
        times[name][label].append((time.perf_counter() - start) * 1000)
        if result.returncode != 0:
            print(f"{name} failed on {q!r}: {result.stderr.strip()[:200]}", file=sys.stderr)
        elif result.stdout.strip() not in ("", "[]"):
            found[name][label] += 1

floor = {label: statistics.median(times["sqlite3 shell (plain FTS5)"][label]) for label in ("exact", "typo")}
print("whole process, start-up included (median ms over", len(queries) // 2, "queries each; x = ratio to the sqlite3 shell)")
for name in tools:
    parts = []
    for label in ("exact", "typo"):
        m = statistics.median(times[name][label])
        parts.append(f"{label}: {m:7.1f} ms ({m / floor[label]:4.1f}x), found something for {found[name][label]}/{len(times[name][label])}")
    print(f"  {name:28s} " + "; ".join(parts))
