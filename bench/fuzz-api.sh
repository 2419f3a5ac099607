#!/usr/bin/env bash
# Fuzzes the JSON API from its own OpenAPI description (issue 14): schemathesis
# (installed from PyPI into bench/out/fuzz-venv) sends generated requests,
# good and bad, to every route of a `lawcat serve` over a copy of the demo
# catalogue, as a librarian, and fails on any 5xx answer. Exits non-zero
# when schemathesis found one.
# Usage: bench/fuzz-api.sh                 (from the repository root; 120 s)
#        MAX_TIME=600 bench/fuzz-api.sh    a longer run
#        LAWCAT=.build/debug/lawcat bench/fuzz-api.sh   a binary already built
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/fuzz
mkdir -p "$out"
port=${PORT:-18433}
max_time=${MAX_TIME:-120}
if [ -z "${LAWCAT:-}" ]; then
  swift build -c release --product lawcat >/dev/null
  LAWCAT=$(swift build -c release --show-bin-path)/lawcat
fi
if [ ! -x bench/out/fuzz-venv/bin/schemathesis ]; then
  python3 -m venv bench/out/fuzz-venv
  bench/out/fuzz-venv/bin/pip install -q schemathesis
fi

db=$out/fuzz.sqlite
rm -f "$db" "$db-wal" "$db-shm"
"$LAWCAT" demo --db "$db" >/dev/null 2>&1
printf 'fuzz password\n' | "$LAWCAT" users add fuzz --role librarian --db "$db" >/dev/null
token=$("$LAWCAT" users token fuzz --db "$db" 2>/dev/null)
"$LAWCAT" serve --db "$db" --port "$port" 2>"$out/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.2; done

status=0
bench/out/fuzz-venv/bin/schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" --checks not_a_server_error --max-time "$max_time" \
  --report junit --report-dir "$out" --output-truncate true || status=$?
echo "requests answered 5xx in the server's log: $(grep -cE ' 5[0-9][0-9] [0-9.]+ms$' "$out/serve.log" || true)"
"$LAWCAT" check --db "$db" | tail -1
exit $status
