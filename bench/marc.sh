#!/usr/bin/env bash
# MARC import benchmark: lawcat importing the 8,595 Library of Congress law
# records as MARC 21 and as lawcat's CSV, side by side in one run.
#
#   bash bench/marc.sh            # 5 runs of each, medians
#   RUNS=9 bash bench/marc.sh
#
# Each run imports, into an empty catalogue each time, in turn:
#   csv        ../shared/data/lc-law-dev.csv (8,595 rows: books and one copy each)
#   marc       ../shared/data/lc-law-dev.mrc (the same records as MARC 21: books, no copies)
#   marc+952   the same records with each CSV row's copy as a Koha 952 field
#              (bench/marc_data.py makes it): the same books AND copies as the CSV
#   marcxml    lawcat's MARCXML export of the marc+952 catalogue
# and reports, with /usr/bin/time, the median wall time, CPU time and peak
# resident memory, and each MARC time as a ratio of the CSV time of the same run.
# It then imports marc+952 ten times over (85,950 records, fresh barcodes),
# and the CSV ten times over in the same way, once each, to show that peak
# memory does not grow with the file beyond what the CSV import's does.
#
# Uses the release build (swift build -c release). Working files go in
# bench/out/ (ignored by git). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${RUNS:-5}
out="$repo/bench/out/marc"
mkdir -p "$out"

[ -x /usr/bin/time ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq time; }
data=""
for candidate in "$repo/../shared/data"; do
  if [ -f "$candidate/lc-law-dev.mrc" ]; then data=$candidate; break; fi
done
[ -n "$data" ] || { echo "bench/marc.sh: no lc-law-dev.mrc in ../shared/data" >&2; exit 1; }

swift build -c release --product lawcat >/dev/null
lawcat="$repo/.build/release/lawcat"
[ -s "$out/lc-law-dev-x10.csv" ] || python3 bench/marc_data.py "$data" "$out" >/dev/null

# The MARCXML file: lawcat's own export of the marc+952 catalogue.
rm -f "$out/x.sqlite"*
"$lawcat" import "$out/lc-law-dev-holdings.mrc" --db "$out/x.sqlite" >/dev/null
"$lawcat" export --format marcxml --db "$out/x.sqlite" --output "$out/lc-law-dev.xml"

# One timed import into an empty catalogue: prints "wall cpu peak_kib".
measure() {
  local file=$1
  rm -f "$out/t.sqlite"*
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$lawcat" import "$file" --db "$out/t.sqlite" >"$out/import.txt"
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$out/time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

kinds="csv marc marc+952 marcxml"
file_of() {
  case $1 in
    csv) echo "$data/lc-law-dev.csv" ;;
    marc) echo "$data/lc-law-dev.mrc" ;;
    marc+952) echo "$out/lc-law-dev-holdings.mrc" ;;
    marcxml) echo "$out/lc-law-dev.xml" ;;
  esac
}

echo "bench/marc.sh: $runs runs, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
rm -f "$out"/runs-*.txt "$out"/ratio-*.txt.*
for run in $(seq 1 "$runs"); do
  for kind in $kinds; do
    read -r wall cpu peak < <(measure "$(file_of "$kind")")
    echo "$wall $cpu $peak" >> "$out/runs-$kind.txt"
    if [ "$kind" = csv ]; then csv_wall=$wall; fi
    awk -v w="$wall" -v c="$csv_wall" 'BEGIN { printf "%.3f\n", w / c }' >> "$out/ratio-$kind.txt.$run"
  done
done

printf '\n%-10s %10s %10s %12s %16s\n' "file" "wall (s)" "CPU (s)" "peak (MiB)" "wall / csv wall"
for kind in $kinds; do
  wall=$(cut -d' ' -f1 "$out/runs-$kind.txt" | median)
  cpu=$(cut -d' ' -f2 "$out/runs-$kind.txt" | median)
  peak=$(cut -d' ' -f3 "$out/runs-$kind.txt" | median)
  ratio=$(cat "$out"/ratio-"$kind".txt.* | median)
  printf '%-10s %10.2f %10.2f %12.1f %16.2f\n' "$kind" "$wall" "$cpu" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$ratio"
done
rm -f "$out"/ratio-*.txt.*
echo "(medians of $runs runs; the ratio is the median of each run's MARC wall time over the same run's CSV wall time)"

echo
echo "memory on a file ten times as large (one run each):"
for file in "$out/lc-law-dev-holdings.mrc" "$out/lc-law-dev-holdings-x10.mrc" "$data/lc-law-dev.csv" "$out/lc-law-dev-x10.csv"; do
  read -r wall cpu peak < <(measure "$file")
  printf '  %-28s %7.2f s %7.1f MiB peak: %s\n' "$(basename "$file")" "$wall" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$(cat "$out/import.txt")"
done
