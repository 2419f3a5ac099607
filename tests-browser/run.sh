#!/usr/bin/env bash
# The browser test: builds lawcat, makes a demo catalogue and a librarian,
# starts `lawcat serve` on a free port, and drives headless Chromium through
# the desk (desk_test.py); then, when firefox-esr is installed, does the same
# for headless Firefox over WebDriver BiDi (firefox_test.py) on a fresh demo
# catalogue and server of its own. Makes its own virtual environment
# (selenium, axe-selenium-python and websockets from PyPI) in
# tests-browser/.venv; screenshots go to docs/images/. Needs python3 (with
# venv), chromium and chromium-driver; firefox-esr for the Firefox part.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for tool in python3 chromium chromedriver curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool is missing (apt-get install chromium chromium-driver python3-venv curl)" >&2; exit 69; }
done

venv=tests-browser/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium, axe_selenium_python, websockets" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium==4.51.0" "axe-selenium-python==2.1.6" "websockets==17.4"
fi

swift build --product lawcat
lawcat="$(swift build --show-bin-path)/lawcat"

work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The clock the manual's examples use, so the screenshots stay the same.
export LAWCAT_NOW=2026-11-26T09:30:00Z
export LAWCAT_FROM="The Library <library@firm.example>"
password="a long password for the browser test"

# serve NAME: a fresh demo catalogue $work/NAME.sqlite with the librarian lena, served on a free port;
# sets db, port and log.
serve() {
  db="$work/$1.sqlite"
  log="$work/$1-serve.log"
  "$lawcat" demo --db "$db" >/dev/null
  echo "$password" | "$lawcat" users add lena --role librarian --db "$db" >/dev/null
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$lawcat" serve --db "$db" --port "$port" 2>"$log" &
  local server=$!
  servers+=("$server")
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/login" && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "run.sh: lawcat serve did not answer on port $port within 10 seconds" >&2
  cat "$log" >&2
  exit 1
}

mkdir -p docs/images
status=0
serve lawcat-demo
"$venv/bin/python" tests-browser/desk_test.py --base "http://127.0.0.1:$port" --lawcat "$lawcat" --db "$db" \
  --password "$password" --shots "$root/docs/images" || { status=1; echo "--- the server's log ---" >&2; tail -n 40 "$log" >&2; }

if command -v firefox-esr >/dev/null 2>&1; then
  echo
  serve lawcat-firefox
  "$venv/bin/python" tests-browser/firefox_test.py --base "http://127.0.0.1:$port" --lawcat "$lawcat" --db "$db" \
    --password "$password" || { status=1; echo "--- the server's log ---" >&2; tail -n 40 "$log" >&2; }
else
  echo "run.sh: firefox-esr is not installed, so only Chromium was tested (apt-get install firefox-esr)" >&2
fi
exit "$status"
