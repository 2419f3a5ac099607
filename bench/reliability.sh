#!/usr/bin/env bash
# lawcat reliability figures: the slow, large versions of the tests in
# Tests/CatalogueTests/Reliability. Prints what was tried and what held.
#
#   bench/reliability.sh            # everything (about 10 minutes on 2 cores)
#   bench/reliability.sh crash      # or some parts: crash, restore, stocktake, concurrency, million, title
#
# Environment: ROWS (crash import size, default 100000), STOCK (barcodes in the
# stocktake, default 100000), MILLION (default 1000000), WRITERS (default 8),
# CIRCULATORS (processes doing checkouts and checkins, default 4), PAIRS
# (checkout/checkin pairs each, default 50), KEEP=1 to keep the scratch folder,
# SCRATCH=DIR to build in DIR instead of .build, LAWCAT=PATH to use a lawcat
# already built instead.
set -euo pipefail

cd "$(dirname "$0")/.."
PARTS=${*:-crash restore stocktake concurrency million title}
ROWS=${ROWS:-100000}
STOCK=${STOCK:-100000}
CIRCULATORS=${CIRCULATORS:-4}
PAIRS=${PAIRS:-50}
MILLION=${MILLION:-1000000}
WRITERS=${WRITERS:-8}
WORK=$(mktemp -d /tmp/lawcat-reliability.XXXXXX)
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1 LAWCAT_NOW=2026-11-26T09:30:00Z

# SCRATCH: a separate build folder, so that the release build does not wait
# for (or hold up) the debug build in .build.
SCRATCH_ARGS=()
[ -n "${SCRATCH:-}" ] && SCRATCH_ARGS=(--scratch-path "$SCRATCH")
if [ -n "${LAWCAT:-}" ]; then
  BIN=$(realpath "$LAWCAT")   # a lawcat already built, e.g. to try the script quickly
else
  swift build -c release --product lawcat "${SCRATCH_ARGS[@]}" >/dev/null
  BIN=$(swift build -c release "${SCRATCH_ARGS[@]}" --show-bin-path)/lawcat
fi
echo "lawcat: $BIN"
echo "scratch: $WORK"

# calc EXPRESSION: floating-point arithmetic without bc.
calc() { awk "BEGIN { print $1 }"; }

# generate N PREFIX FILE: an import file of N copies with barcodes PREFIX0000000...
generate() {
  awk -v n="$1" -v p="$2" 'BEGIN {
    print "title,authors,subjects,date,jurisdiction,barcode,location"
    split("contract tort trusts company insolvency", t, " ")
    for (i = 0; i < n; i++)
      printf "%s treatise %d on %s law,Author %d;Editor %d,Law;Subject %d,%d,England and Wales,%s%07d,London/%dF/Bay %d\n",
        p, i, t[i % 5 + 1], i % 997, i % 13, i % 50, 1900 + i % 120, p, i, i % 5, i % 40
  }' > "$3"
}

# copies DB: how many copies the catalogue holds (one export row each).
copies() { "$BIN" export --db "$1" | tail -n +2 | grep -c ',' || true; }

# verify DB: `lawcat check`: SQLite's integrity_check and foreign_key_check,
# FTS5's integrity-check, and every copy's state replayed from its event log.
verify() { "$BIN" check --db "$1" >/dev/null 2>&1 && echo ok || echo FAILED; }

# events DB: how many events the log holds, as `lawcat check` counts them.
events() { "$BIN" check --db "$1" 2>/dev/null | sed -n 's/.*match their \([0-9]*\) events.*/\1/p' || true; }

crash() {
  echo
  echo "== crash: an import of $ROWS rows killed with SIGKILL at several points"
  generate 1000 BASE "$WORK/base.csv"
  generate "$ROWS" CRASH "$WORK/crash.csv"
  "$BIN" import "$WORK/base.csv" --db "$WORK/base.sqlite" >/dev/null
  local base; base=$(copies "$WORK/base.sqlite")
  # One whole run, to place the kill points along it.
  "$BIN" backup "$WORK/full.sqlite" --db "$WORK/base.sqlite" >/dev/null
  local t0 t1; t0=$(date +%s.%N)
  "$BIN" import "$WORK/crash.csv" --db "$WORK/full.sqlite" >/dev/null
  t1=$(date +%s.%N)
  local whole; whole=$(calc "$t1 - $t0")
  echo "a whole import takes ${whole} s; the catalogue held $base copies before it"
  local tried=0 held=0 midway=0
  for fraction in 0.02 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 0.95 0.99 1.2; do
    local db="$WORK/crash-$fraction.sqlite"
    "$BIN" backup "$db" --db "$WORK/base.sqlite" >/dev/null
    "$BIN" import "$WORK/crash.csv" --db "$db" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(calc "$whole * $fraction")"
    local state=finished
    if kill -9 "$pid" 2>/dev/null; then state=killed; midway=$((midway + 1)); fi
    wait "$pid" 2>/dev/null || true
    local after check result
    after=$(copies "$db")
    check=$(verify "$db")
    if [ "$check" = ok ] && { [ "$after" = "$base" ] || [ "$after" = $((base + ROWS)) ]; }; then
      result=held; held=$((held + 1))
    else
      result=LOST
    fi
    tried=$((tried + 1))
    printf '  kill at %4.0f%% (%6.2f s): %-8s copies %7d  check %-6s %s\n' \
      "$(calc "$fraction * 100")" "$(calc "$whole * $fraction")" "$state" "$after" "$check" "$result"
    rm -f "$db"*
  done
  echo "crash points tried: $tried, killed mid-import: $midway, held (none or all, check ok): $held"
}

restore() {
  echo
  echo "== crash: restore and backup of a catalogue of $ROWS copies killed with SIGKILL at several points"
  generate 1000 OLD "$WORK/old.csv"
  generate "$ROWS" NEW "$WORK/new.csv"
  "$BIN" import "$WORK/old.csv" --db "$WORK/old.sqlite" >/dev/null
  "$BIN" import "$WORK/new.csv" --db "$WORK/new.sqlite" >/dev/null
  "$BIN" backup "$WORK/new-backup.sqlite" --db "$WORK/new.sqlite" >/dev/null
  local t0 t1 whole
  "$BIN" backup "$WORK/timing.sqlite" --db "$WORK/old.sqlite" >/dev/null
  t0=$(date +%s.%N)
  "$BIN" restore "$WORK/new-backup.sqlite" --db "$WORK/timing.sqlite" >/dev/null
  t1=$(date +%s.%N)
  whole=$(calc "$t1 - $t0")
  echo "a whole restore takes ${whole} s"
  local tried=0 held=0 midway=0
  for fraction in 0.05 0.2 0.4 0.6 0.8 0.9 0.95 1.2; do
    local db="$WORK/restore-$fraction.sqlite"
    "$BIN" backup "$db" --db "$WORK/old.sqlite" >/dev/null
    "$BIN" restore "$WORK/new-backup.sqlite" --db "$db" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(calc "$whole * $fraction")"
    local state=finished
    if kill -9 "$pid" 2>/dev/null; then state=killed; midway=$((midway + 1)); fi
    wait "$pid" 2>/dev/null || true
    local after check result
    after=$(copies "$db")
    check=$(verify "$db")
    if [ "$check" = ok ] && { [ "$after" = 1000 ] || [ "$after" = "$ROWS" ]; }; then
      result=held; held=$((held + 1))
    else
      result=LOST
    fi
    tried=$((tried + 1))
    printf '  restore killed at %4.0f%% (%5.2f s): %-8s copies %7d  check %-6s %s\n' \
      "$(calc "$fraction * 100")" "$(calc "$whole * $fraction")" "$state" "$after" "$check" "$result"
    rm -f "$db"*
  done
  echo "restore crash points tried: $tried, killed mid-restore: $midway, held (old or new whole, check ok): $held"

  t0=$(date +%s.%N)
  "$BIN" backup "$WORK/timing-backup.sqlite" --db "$WORK/new.sqlite" >/dev/null
  t1=$(date +%s.%N)
  whole=$(calc "$t1 - $t0")
  echo "a whole backup takes ${whole} s"
  tried=0; held=0; midway=0
  for fraction in 0.1 0.3 0.5 0.7 0.9; do
    local file="$WORK/killed-backup-$fraction.sqlite"
    "$BIN" backup "$file" --db "$WORK/new.sqlite" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(calc "$whole * $fraction")"
    local state=finished
    if kill -9 "$pid" 2>/dev/null; then state=killed; midway=$((midway + 1)); fi
    wait "$pid" 2>/dev/null || true
    local result
    if [ ! -e "$file" ]; then result="no file (held)"; held=$((held + 1))
    elif [ "$(verify "$file")" = ok ] && [ "$(copies "$file")" = "$ROWS" ]; then result="whole backup (held)"; held=$((held + 1))
    else result="HALF A BACKUP"; fi
    tried=$((tried + 1))
    printf '  backup killed at %4.0f%%: %-8s %s\n' "$(calc "$fraction * 100")" "$state" "$result"
    rm -f "$file"*
  done
  echo "backup crash points tried: $tried, killed mid-backup: $midway, held (no file or a whole one): $held"
}

stocktake() {
  echo
  echo "== stocktake: $STOCK scanned barcodes into one stocktake, whole and killed with SIGKILL at several points"
  generate "$STOCK" ST "$WORK/stock.csv"
  "$BIN" import "$WORK/stock.csv" --db "$WORK/stock.sqlite" >/dev/null
  rm -f "$WORK/stock.csv"
  awk -v n="$STOCK" 'BEGIN { for (i = 0; i < n; i++) printf "ST%07d\n", i }' > "$WORK/scans.txt"
  local base; base=$(events "$WORK/stock.sqlite")
  "$BIN" backup "$WORK/stock-full.sqlite" --db "$WORK/stock.sqlite" >/dev/null
  /usr/bin/time -v "$BIN" stocktake London "$WORK/scans.txt" --db "$WORK/stock-full.sqlite" 2> "$WORK/stock.time" >/dev/null
  local rss elapsed whole
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/stock.time")
  elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/stock.time")
  whole=$(awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/stock.time")
  echo "a whole stocktake of $STOCK barcodes at London (all $STOCK copies homed under it): wall time $elapsed, peak memory $((rss / 1024)) MB"
  echo "events before: $base, after: $(events "$WORK/stock-full.sqlite") ($STOCK seen events expected); check: $(verify "$WORK/stock-full.sqlite")"
  rm -f "$WORK/stock-full.sqlite"*
  # A second whole run places the kill points: the shorter of the two, so that
  # a run slowed by other work on the machine does not put them all after the end.
  "$BIN" backup "$WORK/stock-full.sqlite" --db "$WORK/stock.sqlite" >/dev/null
  local t0 t1 again; t0=$(date +%s.%N)
  "$BIN" stocktake London "$WORK/scans.txt" --db "$WORK/stock-full.sqlite" >/dev/null
  t1=$(date +%s.%N)
  again=$(calc "$t1 - $t0")
  echo "a second whole run: ${again} s"
  whole=$(calc "($again < $whole) ? $again : $whole")
  rm -f "$WORK/stock-full.sqlite"*
  local tried=0 held=0 midway=0
  for fraction in 0.05 0.15 0.3 0.45 0.6 0.7 0.8 0.9 0.95 1.3; do
    local db="$WORK/stock-$fraction.sqlite"
    "$BIN" backup "$db" --db "$WORK/stock.sqlite" >/dev/null
    "$BIN" stocktake London "$WORK/scans.txt" --db "$db" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(calc "$whole * $fraction")"
    local state=finished
    if kill -9 "$pid" 2>/dev/null; then state=killed; midway=$((midway + 1)); fi
    wait "$pid" 2>/dev/null || true
    local after check result
    after=$(events "$db")
    check=$(verify "$db")
    if [ "$check" = ok ] && { [ "$after" = "$base" ] || [ "$after" = $((base + STOCK)) ]; }; then
      result=held; held=$((held + 1))
    else
      result=LOST
    fi
    tried=$((tried + 1))
    printf '  kill at %4.0f%% (%6.2f s): %-8s seen events %7d  check %-6s %s\n' \
      "$(calc "$fraction * 100")" "$(calc "$whole * $fraction")" "$state" "$((${after:-0} - base))" "$check" "$result"
    rm -f "$db"*
  done
  echo "stocktake crash points tried: $tried, killed mid-stocktake: $midway, held (no seen events or all $STOCK, check ok): $held"
}

concurrency() {
  echo
  echo "== concurrency: $WRITERS writers (half importing 2,000 rows each, half adding 40 books one process each),"
  echo "   $CIRCULATORS circulation processes ($PAIRS checkout/checkin pairs each, over 3 copies each), 4 readers, 1 backup taker"
  local db="$WORK/shared.sqlite" logs="$WORK/logs"
  mkdir -p "$logs"
  generate 500 BASE "$WORK/cbase.csv"
  "$BIN" import "$WORK/cbase.csv" --db "$db" >/dev/null
  local importers=$((WRITERS / 2)) adders=$((WRITERS - WRITERS / 2))
  for i in $(seq 1 "$importers"); do generate 2000 "IMP${i}X" "$WORK/imp$i.csv"; done
  local pids=()
  for i in $(seq 1 "$importers"); do
    ( "$BIN" import "$WORK/imp$i.csv" --db "$db" >/dev/null 2>"$logs/import-$i.err"; echo $? > "$logs/import-$i.rc" ) &
    pids+=($!)
  done
  for a in $(seq 1 "$adders"); do
    ( for n in $(seq 1 40); do
        "$BIN" add --title "Added $a-$n" --copy "ADD${a}X$n" --at Leeds/1F --db "$db" >/dev/null 2>>"$logs/add-$a.err" \
          || echo "add $a-$n failed $?" >> "$logs/failures"
      done ) &
    pids+=($!)
  done
  # Circulator c lends and returns BASE0000c00, BASE0000c01 and BASE0000c02 in turn.
  for c in $(seq 1 "$CIRCULATORS"); do
    ( for n in $(seq 0 $((PAIRS - 1))); do
        local barcode; barcode=$(printf 'BASE%07d' $((c * 100 + n % 3)))
        "$BIN" checkout "$barcode" --to "Reader $c" --db "$db" >/dev/null 2>>"$logs/circ-$c.err" \
          || echo "checkout $c-$n failed $?" >> "$logs/failures"
        "$BIN" checkin "$barcode" --db "$db" >/dev/null 2>>"$logs/circ-$c.err" \
          || echo "checkin $c-$n failed $?" >> "$logs/failures"
        echo >> "$logs/circ.count"
      done ) &
    pids+=($!)
  done
  touch "$WORK/writing"
  for r in 1 2 3 4; do
    ( n=0; while [ -e "$WORK/writing" ]; do
        n=$((n + 1))
        case $((n % 6)) in
          0) "$BIN" search treatise contract --json --db "$db" >/dev/null ;;
          1) "$BIN" show BASE0000007 --db "$db" >/dev/null ;;
          2) "$BIN" export --format json --db "$db" >/dev/null ;;
          3) "$BIN" where "BASE0000$((n % 4 + 1))00" --json --db "$db" >/dev/null ;;
          4) "$BIN" loans --json --db "$db" >/dev/null ;;
          5) "$BIN" where treatise tort --db "$db" >/dev/null ;;
        esac 2>>"$logs/read-$r.err" || echo "read $r-$n failed" >> "$logs/failures"
        echo >> "$logs/read-$r.count"
      done ) &
  done
  ( b=0; while [ -e "$WORK/writing" ]; do
      b=$((b + 1))
      "$BIN" backup "$WORK/backup-$b.sqlite" --db "$db" >/dev/null 2>>"$logs/backup.err" || echo "backup $b failed" >> "$logs/failures"
      sleep 0.5
    done ) &
  local t0 t1; t0=$(date +%s.%N)
  for pid in "${pids[@]}"; do wait "$pid"; done
  t1=$(date +%s.%N)
  rm -f "$WORK/writing"
  wait
  local failures=0 busy
  [ -e "$logs/failures" ] && failures=$(wc -l < "$logs/failures")
  for i in $(seq 1 "$importers"); do [ "$(cat "$logs/import-$i.rc")" = 0 ] || failures=$((failures + 1)); done
  busy=$(cat "$logs"/*.err 2>/dev/null | grep -ci -e 'locked' -e 'busy' || true)
  local reads; reads=$(cat "$logs"/read-*.count 2>/dev/null | wc -l)
  local pairs; pairs=$(wc -l < "$logs/circ.count")
  local expected=$((500 + importers * 2000 + adders * 40)) final; final=$(copies "$db")
  echo "operations in $(calc "$t1 - $t0") s: $importers imports of 2,000 rows, $((adders * 40)) adds, $pairs checkout/checkin pairs, $reads reads (search, show, export, where, loans), $(ls "$WORK"/backup-*.sqlite | wc -l) backups"
  echo "failed commands: $failures; 'database is locked' or busy errors: $busy"
  echo "copies: expected $expected, found $final, lost $((expected - final)); catalogue check: $(verify "$db")"
  # Every checkout and checkin is in the log: each lent copy has its added
  # event and two events for each pair it took part in.
  local short=0 lent=0
  for c in $(seq 1 "$CIRCULATORS"); do
    for k in 0 1 2; do
      local barcode want got; barcode=$(printf 'BASE%07d' $((c * 100 + k)))
      want=$((1 + 2 * ( (PAIRS - k + 2) / 3 )))
      got=$("$BIN" history "$barcode" --json --db "$db" | grep -c '"kind"' || true)
      lent=$((lent + 1))
      [ "$got" = "$want" ] || { short=$((short + 1)); echo "  $barcode: $got events, expected $want"; }
    done
  done
  echo "lent copies: $lent, each with every event (added + 2 per pair): $((lent - short)); events lost: $short copies short"
  local bad=0 count=0
  for backup in "$WORK"/backup-*.sqlite; do
    count=$((count + 1))
    [ "$(verify "$backup")" = ok ] || bad=$((bad + 1))
    local csv; csv=$("$BIN" export --db "$backup")
    for i in $(seq 1 "$importers"); do
      local held; held=$(grep -c ",IMP${i}X" <<< "$csv" || true)
      [ "$held" = 0 ] || [ "$held" = 2000 ] || { bad=$((bad + 1)); echo "  backup $backup holds $held rows of import $i"; }
    done
  done
  echo "backups taken while writing: $count, failing check or holding part of an import: $bad"
}

million() {
  echo
  echo "== memory: an import of $MILLION rows"
  generate "$MILLION" M "$WORK/million.csv"
  echo "file: $(du -h "$WORK/million.csv" | cut -f1)"
  /usr/bin/time -v "$BIN" import "$WORK/million.csv" --db "$WORK/million.sqlite" 2> "$WORK/million.time" >/dev/null
  local rss elapsed
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/million.time")
  elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/million.time")
  echo "rows imported: $(copies "$WORK/million.sqlite"); wall time: $elapsed; peak memory: $((rss / 1024)) MB (target: under 200 MB)"
  rm -f "$WORK/million.csv"
}

title() {
  echo
  echo "== a 10 MB title"
  awk 'BEGIN { printf "title,barcode,location\n"; s = "Chitty on Contracts "; while (length(s) < 10485760) s = s s; printf "%s.,BIG1,London/4F\n", substr(s, 1, 10485759) }' > "$WORK/title.csv"
  /usr/bin/time -f "%e s, peak %M KB" "$BIN" import "$WORK/title.csv" --db "$WORK/title.sqlite" 2>&1 | sed 's/^/  import: /'
  local back; back=$("$BIN" export --db "$WORK/title.sqlite" | tail -n 1 | cut -d, -f1 | wc -c)
  echo "  stored and exported back: $((back - 1)) characters of title; search finds it: $("$BIN" search chitty --json --db "$WORK/title.sqlite" | grep -c '"BIG1"')"
}

for part in $PARTS; do "$part"; done
