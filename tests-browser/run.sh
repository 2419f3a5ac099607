#!/usr/bin/env bash
# The browser test: builds lawcat, makes a demo catalogue and a librarian,
# starts `lawcat serve` on a free port, and drives headless Chromium through
# the desk (desk_test.py). Makes its own virtual environment (selenium and
# axe-selenium-python from PyPI) in tests-browser/.venv; screenshots go to
# docs/images/. Needs python3 (with venv), chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for tool in python3 chromium chromedriver curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool is missing (apt-get install chromium chromium-driver python3-venv curl)" >&2; exit 69; }
done

venv=tests-browser/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium, axe_selenium_python" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium==4.51.0" "axe-selenium-python==2.1.6"
fi

swift build --product lawcat
lawcat="$(swift build --show-bin-path)/lawcat"

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The clock the manual's examples use, so the screenshots stay the same.
export LAWCAT_NOW=2026-11-26T09:30:00Z
export LAWCAT_FROM="The Library <library@firm.example>"
db="$work/lawcat-demo.sqlite"
"$lawcat" demo --db "$db" >/dev/null
password="a long password for the browser test"
echo "$password" | "$lawcat" users add lena --role librarian --db "$db" >/dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$lawcat" serve --db "$db" --port "$port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/login" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done

mkdir -p docs/images
status=0
"$venv/bin/python" tests-browser/desk_test.py --base "http://127.0.0.1:$port" --lawcat "$lawcat" --db "$db" \
  --password "$password" --shots "$root/docs/images" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- the server's log ---" >&2
  tail -n 40 "$work/serve.log" >&2
fi
exit "$status"
