#!/usr/bin/env bash
# Checks lawcat's MARC 21 and MARCXML exports with pymarc, the reference
# MARC reader (from PyPI, in a virtual environment this script makes under
# bench/out/), and checks that they round-trip:
#
#   bash bench/marc-pymarc.sh
#
# 1. imports the 8,595 law records with a copy each (bench/marc_data.py's
#    lc-law-dev-holdings.mrc) and the test fixtures' good.mrc into a new catalogue;
# 2. exports it as MARC 21 and as MARCXML;
# 3. imports each export into an empty catalogue and exports that again:
#    the two files must be the same bytes, and the catalogues' CSV exports too;
# 4. pymarc reads every record of both exports, with every Python warning
#    made an error, and each record must be whole (no reader exception) with
#    one 952 a copy.
# Exits non-zero on any difference or warning.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out="$repo/bench/out/marc-pymarc"
mkdir -p "$out"
data=""
for candidate in "$repo/../shared/data"; do
  if [ -f "$candidate/lc-law-dev.mrc" ]; then data=$candidate; break; fi
done
[ -n "$data" ] || { echo "bench/marc-pymarc.sh: no lc-law-dev.mrc in ../shared/data" >&2; exit 1; }

if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install -q pymarc
fi
echo "pymarc $("$out/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pymarc"))')"

swift build -c release --product lawcat >/dev/null
lawcat="$repo/.build/release/lawcat"
[ -s "$out/lc-law-dev-holdings.mrc" ] || python3 bench/marc_data.py "$data" "$out" >/dev/null

rm -f "$out"/*.sqlite* "$out"/export-*
"$lawcat" import "$out/lc-law-dev-holdings.mrc" --db "$out/source.sqlite"
"$lawcat" import "$repo/Tests/CatalogueTests/MARC/Fixtures/good.mrc" --db "$out/source.sqlite"
"$lawcat" export --format csv --db "$out/source.sqlite" --output "$out/export-source.csv"

status=0
for format in marc marcxml; do
  "$lawcat" export --format "$format" --db "$out/source.sqlite" --output "$out/export-1.$format"
  "$lawcat" import "$out/export-1.$format" --db "$out/again-$format.sqlite" >/dev/null
  "$lawcat" export --format "$format" --db "$out/again-$format.sqlite" --output "$out/export-2.$format"
  "$lawcat" export --format csv --db "$out/again-$format.sqlite" --output "$out/export-again-$format.csv"
  if cmp -s "$out/export-1.$format" "$out/export-2.$format"; then
    echo "$format: export, import into an empty catalogue, export: the same $(wc -c < "$out/export-1.$format") bytes"
  else
    echo "$format: the second export differs from the first"; status=1
  fi
  if cmp -s "$out/export-source.csv" "$out/export-again-$format.csv"; then
    echo "$format: the catalogue read back is the same catalogue (its CSV export is the same bytes)"
  else
    echo "$format: the catalogue read back differs (CSV exports differ)"; status=1
  fi
done

books=$("$lawcat" export --format csv --db "$out/source.sqlite" | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(len({(x["title"],x["authors"],x["subjects"],x["date"],x["edition"],x["jurisdiction"],x["isbn"]) for x in r}))')
copies=$(python3 -c 'import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r["barcode"]))' "$out/export-source.csv")

"$out/venv/bin/python" - "$out/export-1.marc" "$out/export-1.marcxml" "$copies" <<'PY' || status=1
import sys, warnings
warnings.simplefilter("error")
import pymarc

marc, xml, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
problems = 0
with open(marc, "rb") as f:
    reader = pymarc.MARCReader(f, to_unicode=True, force_utf8=False, utf8_handling="strict")
    records = 0
    holdings = 0
    for record in reader:
        records += 1
        if record is None:
            problems += 1
            print(f"  MARC 21 record {records}: pymarc could not read it: {reader.current_exception!r}")
            continue
        if record.leader[9] != "a":
            problems += 1
            print(f"  MARC 21 record {records}: leader 09 is {record.leader[9]!r}, not 'a'")
        if not record.title:
            problems += 1
            print(f"  MARC 21 record {records}: no title")
        holdings += len(record.get_fields("952"))
print(f"pymarc read {records} MARC 21 records with no warning, {holdings} copies in 952 (the catalogue has {copies})")
if holdings != copies:
    problems += 1

xml_records = pymarc.parse_xml_to_array(xml, strict=True)
xml_holdings = sum(len(r.get_fields("952")) for r in xml_records)
print(f"pymarc read {len(xml_records)} MARCXML records (strict, against the slim schema's names) with no warning, {xml_holdings} copies in 952")
if len(xml_records) != records or xml_holdings != copies:
    problems += 1
sys.exit(1 if problems else 0)
PY
echo "books in the catalogue: $books"
[ $status -eq 0 ] && echo "OK" || echo "FAILED"
exit $status
