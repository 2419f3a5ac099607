#!/usr/bin/env bash
# Start-up benchmark: how long `lawcat --version` and `lawcat show BARCODE` (on
# a catalogue of three books) take as whole processes, for the debug build
# (`swift build`), a plain release build (shared Swift runtime) and the
# release build scripts/install.sh installs (--static-swift-stdlib).
#
#   bench/startup.sh                       # builds all three (once), then measures
#   REBUILD=1 bench/startup.sh             # builds them again from the sources
#   INSTALLED=~/.local/bin/lawcat bench/startup.sh   # also the installed copy
#   RUNS=51 bench/startup.sh
#
# The runs are interleaved (each round runs every binary once), so that other
# work on the machine falls on all of them alike; medians and the ratio to the
# static release build are printed. Wall-clock time of fork+exec+exit, measured
# from Python.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/startup
RUNS=${RUNS:-31}
mkdir -p "$OUT"

# The two release builds share .build/release, and switching between them can
# recompile everything (minutes): the copies are kept, and made again only
# when missing or with REBUILD=1.
if [ -n "${REBUILD:-}" ] || [ ! -x "$OUT/lawcat-static" ]; then
  swift build --product lawcat >&2
  cp "$(swift build --show-bin-path)/lawcat" "$OUT/lawcat-debug"
  swift build -c release --product lawcat >&2
  cp "$(swift build -c release --show-bin-path)/lawcat" "$OUT/lawcat-release"
  swift build -c release --static-swift-stdlib --product lawcat >&2
  cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/lawcat" "$OUT/lawcat-static"
fi

DB="$OUT/startup.sqlite"
rm -f "$DB"
"$OUT/lawcat-static" init --db "$DB" >/dev/null
for n in 1 2 3; do
  "$OUT/lawcat-static" add --db "$DB" --title "Book $n" --copy "S$n" --at London/Library >/dev/null
done

BINARIES="debug=$OUT/lawcat-debug release=$OUT/lawcat-release static=$OUT/lawcat-static"
if [ -n "${INSTALLED:-}" ]; then BINARIES="$BINARIES installed=$INSTALLED"; fi

echo "# lawcat start-up, $RUNS interleaved runs each, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$OUT"/lawcat-* | awk '{ printf "# %s %d bytes\n", $NF, $5 }'
NO_COLOR=1 python3 - "$RUNS" "$DB" $BINARIES <<'PY'
import statistics, subprocess, sys, time
runs, db, pairs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
binaries = [pair.split("=", 1) for pair in pairs]
commands = {"--version": ["--version"], "show S2": ["show", "S2", "--db", db]}
print("command\tbinary\tmedian ms\tmin ms\tratio to static")
for label, arguments in commands.items():
    times = {name: [] for name, _ in binaries}
    for _ in range(runs):
        for name, path in binaries:
            start = time.perf_counter()
            done = subprocess.run([path] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append((time.perf_counter() - start) * 1000)
            if done.returncode != 0:
                sys.exit(f"{path} {' '.join(arguments)} exited {done.returncode}")
    base = statistics.median(times["static"])
    for name, _ in binaries:
        median = statistics.median(times[name])
        print(f"{label}\t{name}\t{median:.1f}\t{min(times[name]):.1f}\t{median / base:.2f}")
PY
