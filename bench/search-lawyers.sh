#!/usr/bin/env bash
# Search the way lawyers ask (issue 11), two lawcat builds side by side in one run:
# each imports the same 1,000,000-book CSV (bench/search_data.py: lc-general.csv.xz
# replicated) into its own catalogue, then both answer the same queries
# (bench/search_lawyers_queries.py: exact, typo, prefix, edition, isbn), interleaved:
#   - in process, `lawcat-search-bench` (median and p99 per label, ms), the tool
#     built beside each lawcat (`swift build -c release --product lawcat-search-bench`);
#   - as a whole process, `lawcat search --json` (median per label, ms).
# Usage: bench/search-lawyers.sh BASELINE_LAWCAT NEW_LAWCAT   (release builds; each
# folder also holds its lawcat-search-bench)
# Catalogues and CSV are kept in bench/out/ (delete them to rebuild).
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1 new=$2
out=bench/out
mkdir -p "$out"
data=""
for candidate in "$PWD/../shared/data"; do
  if [ -f "$candidate/lc-general.csv.xz" ]; then data=$candidate; break; fi
done
[ -n "$data" ] || { echo "bench/search-lawyers.sh: no lc-general.csv.xz in ../shared/data" >&2; exit 1; }
for bin in "$base" "$new"; do
  [ -x "$(dirname "$bin")/lawcat-search-bench" ] || { echo "bench/search-lawyers.sh: no lawcat-search-bench beside $bin; build it with swift build -c release --product lawcat-search-bench" >&2; exit 1; }
done
csv=$out/general-1m.csv
queries=$out/search-lawyers-queries.tsv
[ -f "$queries" ] || python3 bench/search_lawyers_queries.py "$data/lc-general.csv.xz" "$queries"
for side in base new; do
  db=$out/lawyers-$side-1m.sqlite
  [ -f "$db" ] && continue
  [ -f "$csv" ] || python3 bench/search_data.py "$data/lc-general.csv.xz" "$csv" /dev/null
  bin=${!side}
  start=$(date +%s.%N)
  "$bin" import --db "$db.tmp" "$csv" >/dev/null
  echo "$side import of 1,000,000 rows: $(echo "$(date +%s.%N) - $start" | bc) s"
  start=$(date +%s.%N)
  "$bin" search --db "$db.tmp" --limit 1 warm >/dev/null
  echo "$side first search after the import: $(echo "$(date +%s.%N) - $start" | bc) s"
  mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
done
echo "queries: $(cut -f1 "$queries" | sort | uniq -c | tr '\n' ' ')"
echo
echo "in process (lawcat-search-bench): label, queries, median ms, p99 ms"
for round in 1 2; do
  for side in base new; do
    bin=${!side}
    echo "$side (round $round):"
    "$(dirname "$bin")/lawcat-search-bench" "$out/lawyers-$side-1m.sqlite" "$queries" | sed 's/^/  /'
  done
done
echo
python3 - "$base" "$new" "$out/lawyers-base-1m.sqlite" "$out/lawyers-new-1m.sqlite" "$queries" <<'PY'
import statistics, subprocess, sys, time, collections
base, new, base_db, new_db, queries_file = sys.argv[1:6]
queries = [l.rstrip("\n").split("\t", 1) for l in open(queries_file, encoding="utf-8")]
per_label = collections.defaultdict(list)
for label, q in queries:
    if len(per_label[label]) < 30: per_label[label].append(q)
times = {side: collections.defaultdict(list) for side in ("base", "new")}
found = {side: collections.Counter() for side in ("base", "new")}
for label, qs in per_label.items():
    for q in qs:
        for side, binary, db in (("base", base, base_db), ("new", new, new_db)):
            start = time.perf_counter()
            r = subprocess.run([binary, "search", "--db", db, "--json", q], capture_output=True, text=True)
            times[side][label].append((time.perf_counter() - start) * 1000)
            if r.returncode == 0 and r.stdout.strip() not in ("", "[]"): found[side][label] += 1
print("whole process (lawcat search --json): label, median ms base, median ms new, found something base/new of n")
for label in per_label:
    n = len(per_label[label])
    print(f"  {label:8} {statistics.median(times['base'][label]):6.1f} {statistics.median(times['new'][label]):6.1f}"
          f"   {found['base'][label]}/{n} {found['new'][label]}/{n}")
PY
