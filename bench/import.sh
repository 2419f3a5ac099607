#!/usr/bin/env bash
# Import benchmark: lawcat beside sqlite-utils and the sqlite3 shell (the floor),
# all in one run, on the 241,203 records of shared/data/lc-general.csv.xz.
#
#   bash bench/import.sh            # 3 runs of each, medians
#   RUNS=5 bash bench/import.sh
#
# For each tool it measures, with /usr/bin/time -v, the wall time and the peak
# resident memory of importing the whole file into an empty database with a
# full-text index:
#   lawcat      `lawcat import general.csv` into an empty catalogue (release build)
#   sqlite-utils `sqlite-utils insert db books general.csv --csv` then
#               `sqlite-utils enable-fts db books title authors subjects jurisdiction --create-triggers`
#               (installed from PyPI into a virtual environment under bench/out/)
#   floor       the sqlite3 shell: `.import --csv` into a table, then an FTS5
#               table over it and `INSERT INTO fts(fts) VALUES('rebuild')`
# It then imports half the file and a file twice as large (every row again
# with a fresh barcode) with lawcat, to show that peak memory does not grow
# with the file: the import streams.
#
# Working files go in bench/out/ (ignored by git). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${RUNS:-3}
out="$repo/bench/out"
mkdir -p "$out"

# --- what the benchmark needs ------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
command -v xz >/dev/null 2>&1 || need_apt+=(xz-utils)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}"
fi

# The shared records live beside the checkout.
data="$repo/../shared/data"
if [ ! -f "$data/lc-general.csv.xz" ]; then
  echo "bench/import.sh: no lc-general.csv.xz in ../shared/data (beside the repository)" >&2
  exit 1
fi

csv="$out/general.csv"
if [ ! -s "$csv" ]; then
  echo "decompressing $data/lc-general.csv.xz"
  xz -dc "$data/lc-general.csv.xz" > "$csv.partial" && mv "$csv.partial" "$csv"
fi
# Half the file, and twice the file (each row again with a fresh barcode),
# split and joined as CSV records so that quoted newlines stay whole.
if [ ! -s "$out/half.csv" ] || [ ! -s "$out/double.csv" ]; then
  python3 - "$csv" "$out/half.csv" "$out/double.csv" <<'PY'
import csv, sys
source, half, double = sys.argv[1:4]
with open(source, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
barcode = header.index("barcode")
with open(half, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(body[: len(body) // 2])
with open(double, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
    for row in body:
        row = list(row)
        row[barcode] = "X" + row[barcode] if row[barcode] else ""
        w.writerow(row)
PY
fi

if [ ! -x "$out/venv/bin/sqlite-utils" ]; then
  echo "installing sqlite-utils into $out/venv"
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install -q sqlite-utils
fi

echo "building lawcat (release)"
swift build -c release --product lawcat >/dev/null
lawcat="$(swift build -c release --show-bin-path)/lawcat"

# --- measuring ---------------------------------------------------------------
# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v and appends
# "NAME seconds peak_kib" to $out/results.
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
  # CPU time (user + system): on a machine shared with other jobs it varies far
  # less than the wall time, which includes waiting for a core.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$out/time.txt")
  echo "$name $wall $rss $cpu" >> "$out/results"
  awk -v n="$name" -v w="$wall" -v r="$rss" -v c="$cpu" \
    'BEGIN { printf "  %-16s %7.2f s wall  %7.2f s CPU  %8.1f MiB\n", n, w, c, r / 1024 }'
}

lawcat_import() {  # FILE
  rm -f "$out/lawcat.sqlite" "$out/lawcat.sqlite-wal" "$out/lawcat.sqlite-shm"
  measure "lawcat-$2" "$lawcat" import --db "$out/lawcat.sqlite" "$1"
}

sqlite_utils_import() {
  rm -f "$out/su.sqlite"
  measure sqlite-utils bash -c '
    "$1/venv/bin/sqlite-utils" insert "$1/su.sqlite" books "$2" --csv &&
    "$1/venv/bin/sqlite-utils" enable-fts "$1/su.sqlite" books title authors subjects jurisdiction --create-triggers
  ' bash "$out" "$csv"
}

floor_import() {
  rm -f "$out/floor.sqlite"
  measure floor sqlite3 "$out/floor.sqlite" \
    ".import --csv $csv books" \
    "CREATE VIRTUAL TABLE books_fts USING fts5(title, authors, subjects, jurisdiction, content='books');" \
    "INSERT INTO books_fts(books_fts) VALUES('rebuild');"
}

: > "$out/results"
rows=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$csv") - 1 ))
echo "importing $rows records ($csv), $runs runs each, side by side"
for run in $(seq "$runs"); do
  echo "run $run (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  lawcat_import "$csv" full
  sqlite_utils_import
  floor_import
  lawcat_import "$out/half.csv" half
  lawcat_import "$out/double.csv" double
done

# --- medians and ratios ------------------------------------------------------
python3 - "$out/results" "$rows" <<'PY'
import statistics, sys
results = {}
for line in open(sys.argv[1]):
    name, wall, rss, cpu = line.split()
    results.setdefault(name, []).append((float(wall), int(rss), float(cpu)))
med = {n: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v), statistics.median(x[2] for x in v))
       for n, v in results.items()}
rows = int(sys.argv[2])
print()
print(f"medians of {len(results['lawcat-full'])} runs")
print(f"{'what':<34} {'wall':>8} {'CPU':>8} {'peak RSS':>11}")
labels = [
    ("lawcat-full", f"lawcat import ({rows} rows)"),
    ("sqlite-utils", "sqlite-utils insert + enable-fts"),
    ("floor", "sqlite3 .import + FTS5 rebuild"),
    ("lawcat-half", f"lawcat import (half, {rows // 2} rows)"),
    ("lawcat-double", f"lawcat import (double, {rows * 2} rows)"),
]
for key, label in labels:
    w, r, c = med[key]
    print(f"{label:<34} {w:>7.2f}s {c:>7.2f}s {r / 1024:>8.1f} MiB")
lw, lc = med["lawcat-full"][0], med["lawcat-full"][2]
print()
print(f"lawcat / sqlite-utils: {lw / med['sqlite-utils'][0]:.2f}x wall, {lc / med['sqlite-utils'][2]:.2f}x CPU (target at most 0.5x)")
print(f"lawcat / floor:        {lw / med['floor'][0]:.2f}x wall, {lc / med['floor'][2]:.2f}x CPU (target at most 3x)")
# The same ratios run by run (each run's tools back to back), as a spread.
for other in ("sqlite-utils", "floor"):
    per_run = [f"{a[0] / b[0]:.2f}" for a, b in zip(results["lawcat-full"], results[other])]
    print(f"  run by run, lawcat / {other} wall: {', '.join(per_run)}")
print(f"peak RSS half / full / double: {med['lawcat-half'][1] / 1024:.1f} / {med['lawcat-full'][1] / 1024:.1f} / {med['lawcat-double'][1] / 1024:.1f} MiB")
PY
