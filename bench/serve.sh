#!/usr/bin/env bash
# Server benchmark (issue 14): `lawcat serve` and Datasette side by side in
# one run, on the 241,203 general records of ../shared/data/lc-general.csv.xz,
# with wrk on loopback:
#   - searches a second and latency (p50, p99) under 16 connections, the same
#     queries (one or two title words) through lawcat's /api/v1/search and
#     Datasette's full-text search of the same books (?_search=);
#   - checkouts a second from 8 clients through POST /api/v1/copies/B/checkout,
#     each of a copy not lent before, with how many were refused as busy (503).
# Datasette (and sqlite-utils, to give its copy of the books an FTS5 index the
# way Datasette finds one) are installed into bench/out/serve/venv from PyPI.
# The catalogue is cached in bench/out/serve/; each checkout run uses a copy.
# Usage: bench/serve.sh              (from the repository root)
#        DURATION=30s bench/serve.sh  (20s a measurement unless told)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=bench/out/serve
mkdir -p "$out"
data="$root/../shared/data"
[ -f "$data/lc-general.csv.xz" ] || { echo "lc-general.csv.xz not found in ../shared/data (beside the repository)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
duration=${DURATION:-20s}
lawcat_port=${LAWCAT_PORT:-18431}
datasette_port=${DATASETTE_PORT:-18432}

swift build -c release --product lawcat >/dev/null
lawcat=$(swift build -c release --show-bin-path)/lawcat
echo "lawcat: $lawcat"

db=$out/general.sqlite
if [ ! -f "$db" ]; then
  echo "importing the 241,203 general records (once; cached in $db)..."
  xz -dc "$data/lc-general.csv.xz" > "$out/general.csv"
  rm -f "$db.tmp"
  "$lawcat" import --db "$db.tmp" "$out/general.csv" >/dev/null
  "$lawcat" search --db "$db.tmp" --limit 1 warm >/dev/null   # builds the correction index
  mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
[ -f "$out/general.csv" ] || xz -dc "$data/lc-general.csv.xz" > "$out/general.csv"
[ -f "$out/queries.txt" ] || python3 bench/serve_data.py "$out/general.csv" "$out/queries.txt" "$out/barcodes.txt"

if [ ! -x "$out/venv/bin/datasette" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install -q "datasette<1" sqlite-utils
fi
ds_db=$out/books.db
if [ ! -f "$ds_db" ]; then
  rm -f "$ds_db.tmp"
  sqlite3 "$ds_db.tmp" "ATTACH '$db' AS l; CREATE TABLE book AS SELECT id, title, authors, subjects, date, edition FROM l.book;"
  "$out/venv/bin/sqlite-utils" enable-fts "$ds_db.tmp" book title authors subjects --fts5 >/dev/null
  mv "$ds_db.tmp" "$ds_db"
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "nothing answered at $1" >&2; exit 1; }

# wrk's figures: requests a second, p50 and p99 latency, and non-2xx answers.
summarise() {
  local name=$1 file=$2
  local rps p50 p99 statuses
  rps=$(awk '/Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1 == "50%" {print $2}' "$file")
  p99=$(awk '$1 == "99%" {print $2}' "$file")
  statuses=$(grep '^status' "$file" | sort | tr '\n' ' ')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$statuses"
}

run=$out/run.sqlite
rm -f "$run" "$run-wal" "$run-shm"
cp "$db" "$run"
printf 'bench password\n' | "$lawcat" users add bench --role librarian --db "$run" >/dev/null
token=$("$lawcat" users token bench --db "$run" 2>/dev/null)
"$lawcat" serve --db "$run" --port "$lawcat_port" --open 2>"$out/lawcat-serve.log" &
pids+=($!)
"$out/venv/bin/datasette" serve "$ds_db" --host 127.0.0.1 --port "$datasette_port" 2>"$out/datasette.log" >/dev/null &
pids+=($!)
wait_for "http://127.0.0.1:$lawcat_port/login"
wait_for "http://127.0.0.1:$datasette_port/"

echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk $duration a measurement, loopback"
echo
echo "| what | requests/s | p50 | p99 | answers |"
echo "| --- | --- | --- | --- | --- |"
for round in 1 2; do
  QUERIES=$out/queries.txt PREFIX="/api/v1/search?limit=20&q=" \
    wrk -t2 -c16 -d"$duration" --latency -s bench/serve_search.lua "http://127.0.0.1:$lawcat_port" > "$out/wrk-lawcat-search.txt"
  summarise "lawcat search, 16 connections (round $round)" "$out/wrk-lawcat-search.txt"
  QUERIES=$out/queries.txt PREFIX="/books/book.json?_size=20&_search=" \
    wrk -t2 -c16 -d"$duration" --latency -s bench/serve_search.lua "http://127.0.0.1:$datasette_port" > "$out/wrk-datasette-search.txt"
  summarise "Datasette FTS search, 16 connections (round $round)" "$out/wrk-datasette-search.txt"
done
BARCODES=$out/barcodes.txt TOKEN=$token \
  wrk -t2 -c8 -d"$duration" --latency -s bench/serve_checkout.lua "http://127.0.0.1:$lawcat_port" > "$out/wrk-lawcat-checkout.txt"
summarise "lawcat checkout, 8 clients" "$out/wrk-lawcat-checkout.txt"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
"$lawcat" check --db "$run" | tail -1
echo "Datasette: $("$out/venv/bin/datasette" --version)"
