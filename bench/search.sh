#!/usr/bin/env bash
# Search benchmark (issue 3): a 1,000,000-book catalogue made from
# ../shared/data/lc-general.csv.xz replicated with fresh barcodes, cached in
# bench/out/ so that reruns are quick. Reports, side by side in one run:
#   - lawcat search in process (median and p99, exact and one-typo queries);
#   - lawcat search as a whole process, start-up included (median);
#   - the sqlite3 shell, a plain FTS5 MATCH on the same file (the floor);
#   - sqlite-utils search (installed into bench/out/venv from PyPI).
# Usage: bench/search.sh            (from the repository root)
#        LAWCAT_STATIC=1 bench/search.sh   times a build with --static-swift-stdlib
#        (in .build-static), which starts faster.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=bench/out
mkdir -p "$out"
# The shared records live beside the checkout.
data="$root/../shared/data"
[ -f "$data/lc-general.csv.xz" ] || { echo "lc-general.csv.xz not found in ../shared/data (beside the repository)" >&2; exit 1; }

if [ "${LAWCAT_STATIC:-}" = 1 ]; then
  build=(swift build -c release --static-swift-stdlib --scratch-path .build-static)
else
  build=(swift build -c release)
fi
"${build[@]}" --product lawcat >/dev/null
"${build[@]}" --product lawcat-search-bench >/dev/null
lawcat=$("${build[@]}" --show-bin-path)/lawcat
search_bench=$("${build[@]}" --show-bin-path)/lawcat-search-bench
echo "lawcat: $lawcat"
db=$out/search-1m.sqlite
queries=$out/search-queries.tsv

if [ ! -f "$db" ]; then
  echo "building the 1,000,000-book catalogue (once; cached in $db)..."
  python3 bench/search_data.py "$data/lc-general.csv.xz" "$out/general-1m.csv" "$queries"
  start=$(date +%s.%N)
  "$lawcat" import --db "$db.tmp" "$out/general-1m.csv"
  echo "import: $(echo "$(date +%s.%N) - $start" | bc) s"
  start=$(date +%s.%N)
  "$lawcat" search --db "$db.tmp" --limit 1 warm >/dev/null   # folds new words into the correction index
  echo "first search after the import (builds the correction index): $(echo "$(date +%s.%N) - $start" | bc) s"
  mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
  rm -f "$out/general-1m.csv"
fi
[ -f "$queries" ] || python3 bench/search_data.py "$data/lc-general.csv.xz" - "$queries"

if [ ! -x "$out/venv/bin/sqlite-utils" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install -q sqlite-utils
fi

# sqlite-utils finds a table's FTS index by its own naming and declaration, so it gets a
# copy of the books' searchable columns with an index it made itself (enable-fts, FTS5).
su_db=$out/sqlite-utils-1m.sqlite
if [ ! -f "$su_db" ]; then
  sqlite3 "$su_db.tmp" "ATTACH '$db' AS l; CREATE TABLE book AS SELECT id, title, authors, subjects, jurisdiction FROM l.book;"
  "$out/venv/bin/sqlite-utils" enable-fts "$su_db.tmp" book title authors subjects jurisdiction --fts5
  mv "$su_db.tmp" "$su_db"
fi

echo "catalogue: $(sqlite3 "$db" 'SELECT count(*) FROM book') books, $(du -h "$db" | cut -f1)"
echo
echo "in process (lawcat-search-bench, the library's search): label, queries, median ms, p99 ms"
"$search_bench" "$db" "$queries"
echo
python3 bench/search_processes.py "$lawcat" "$db" "$queries" "$out/venv/bin/sqlite-utils" "$su_db"
