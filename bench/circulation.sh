#!/usr/bin/env bash
# Circulation benchmark: checkout, checkin and where as whole processes, and a
# stocktake of 10,000 scanned barcodes, on a catalogue of one million copies.
#
#   bench/circulation.sh            # build (release, static Swift runtime), prepare once, measure
#   PREPARE_ONLY=1 bench/circulation.sh
#   RUNS=31 bench/circulation.sh    # more runs for the medians
#
# The catalogue is lc-general.csv.xz (241,203 records) replicated with fresh
# barcodes to 1,000,000 copies, cached in bench/out/circulation/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/circulation
RUNS=${RUNS:-21}
mkdir -p "$OUT"

# The shared records live beside the checkout.
DATA=../shared/data
[ -f "$DATA/lc-general.csv.xz" ] || { echo "no lc-general.csv.xz in ../shared/data (beside the repository)" >&2; exit 1; }

swift build -c release --static-swift-stdlib --product lawcat >&2
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/lawcat"
DB="$OUT/catalogue-1m.sqlite"
CSV="$OUT/copies-1m.csv"
export NO_COLOR=1

if [ ! -f "$DB" ]; then
  if [ ! -f "$CSV" ]; then
    echo "generating $CSV (1,000,000 copies)" >&2
    xz -dc "$DATA/lc-general.csv.xz" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
out = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
out.writeheader()
n = 0
for r in range(5):
    for row in rows:
        if n == 1_000_000: break
        row = dict(row, barcode="C" + str(r) + row["barcode"])
        out.writerow(row); n += 1
' > "$CSV.tmp"
    mv "$CSV.tmp" "$CSV"
  fi
  echo "importing $CSV" >&2
  rm -f "$DB.tmp" "$DB.tmp-wal" "$DB.tmp-shm"
  /usr/bin/time -f "import: %e s, %M KB peak" "$BIN" import --db "$DB.tmp" "$CSV" >&2
  mv "$DB.tmp" "$DB"
fi
[ -z "${PREPARE_ONLY:-}" ] || exit 0

echo "catalogue: $("$BIN" locations --db "$DB" --json | python3 -c 'import json,sys; print(sum(l["homed"] for l in json.load(sys.stdin)))') copies"

# Median wall time and CPU time (user + system, from wait4) in ms of running
# "$@" RUNS times; {i} in an argument is the run number, as 001, 002, ...
median() {
  python3 - "$RUNS" "$@" <<'PY'
import os, subprocess, sys, time
runs, label, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
wall, cpu = [], []
for i in range(1, runs + 1):
    args = [a.replace("{i}", "%03d" % i) for a in command]
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall.append((time.perf_counter() - start) * 1000)
    cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    if status != 0: sys.exit(f"{label}: {' '.join(args)} failed")
wall.sort(); cpu.sort()
print(f"{label}: median {wall[runs // 2]:.1f} ms wall, {cpu[runs // 2]:.1f} ms CPU "
      f"(wall min {wall[0]:.1f}, max {wall[-1]:.1f}; {runs} runs)")
PY
}

echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# Each run uses a different copy (C2G0001000, C2G0002000, ...), in the middle of the catalogue.
# First make sure none of them is still out from an interrupted run.
for i in $(seq 1 "$RUNS"); do printf 'C2G0%03d000\n' "$i"; done | "$BIN" checkin --db "$DB" - >/dev/null 2>&1 || true
median "checkout (whole process)" "$BIN" checkout --db "$DB" "C2G0{i}000" --to "Bench Reader" --days 14
median "checkin  (whole process)" "$BIN" checkin --db "$DB" "C2G0{i}000"
median "where BARCODE            " "$BIN" where --db "$DB" "C4G0{i}500"
median "where FREE TEXT          " "$BIN" where --db "$DB" "law contracts"

# Stocktake: 10,000 scans at one bay: 9,000 copies homed there, 500 homed
# elsewhere (misplaced), 400 unknown barcodes and 100 scanned twice.
SCANS="$OUT/scans-10k.txt"
sqlite3 "$DB" "
  SELECT c.barcode FROM copy c JOIN location l ON l.id = c.home_id
  WHERE l.path = 'London/Library/Bay 12' ORDER BY c.id LIMIT 9000;
  SELECT c.barcode FROM copy c JOIN location l ON l.id = c.home_id
  WHERE l.path = 'Manchester/Library' ORDER BY c.id LIMIT 500;
  SELECT 'NOPE' || value FROM generate_series(1, 400);
  SELECT c.barcode FROM copy c JOIN location l ON l.id = c.home_id
  WHERE l.path = 'London/Library/Bay 12' ORDER BY c.id LIMIT 100;" > "$SCANS" 2>/dev/null || true
if [ "$(wc -l < "$SCANS")" -ne 10000 ]; then
  # generate_series is not in every sqlite3 shell
  { sqlite3 "$DB" "SELECT c.barcode FROM copy c JOIN location l ON l.id = c.home_id WHERE l.path = 'London/Library/Bay 12' ORDER BY c.id LIMIT 9000;
                   SELECT c.barcode FROM copy c JOIN location l ON l.id = c.home_id WHERE l.path = 'Manchester/Library' ORDER BY c.id LIMIT 500;"
    seq 1 400 | sed 's/^/NOPE/'
    sqlite3 "$DB" "SELECT c.barcode FROM copy c JOIN location l ON l.id = c.home_id WHERE l.path = 'London/Library/Bay 12' ORDER BY c.id LIMIT 100;"
  } > "$SCANS"
fi
echo "stocktake of $(wc -l < "$SCANS") scanned barcodes at London/Library/Bay 12:"
for i in 1 2 3; do
  /usr/bin/time -f "  stocktake run $i: %e s wall, %U s user + %S s system CPU, %M KB peak" \
    "$BIN" stocktake --db "$DB" "London/Library/Bay 12" "$SCANS" > "$OUT/stocktake-$i.txt"
done
/usr/bin/time -f "  stocktake --json: %e s wall, %U s user + %S s system CPU, %M KB peak" \
  "$BIN" stocktake --db "$DB" "London/Library/Bay 12" "$SCANS" --json > "$OUT/stocktake.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
head -c 600 "$OUT/stocktake-1.txt" | grep -v '^ ' | head -8 || true
