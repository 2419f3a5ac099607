#!/usr/bin/env python3
"""Makes the MARC files bench/marc.sh times, from ../shared/data:

  lc-law-dev-holdings.mrc   lc-law-dev.mrc with each record's copy from
                            lc-law-dev.csv (same order) as a Koha 952 field:
                            $a the first part of its location, $c the rest,
                            $p its barcode. The same books and copies as the CSV.
  lc-law-dev-holdings-x10.mrc  that file ten times over, each repetition's
                            barcodes prefixed with its number (more copies of
                            the same books, as bench/import.sh's double file).
  lc-law-dev-x10.csv        lc-law-dev.csv ten times over in the same way, to
                            compare the CSV import's memory on the same rows.

Usage: bench/marc_data.py DATA_FOLDER OUT_FOLDER
The records are rewritten byte by byte (leader length, base address,
directory), with no MARC library.
"""
import csv
import os
import sys

data, out = sys.argv[1], sys.argv[2]
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"


def records(path):
    blob = open(path, "rb").read()
    position = 0
    while position < len(blob):
        length = int(blob[position:position + 5])
        yield blob[position:position + length]
        position += length


def with_field(record, tag, body):
    base = int(record[12:17])
    directory = record[24:base - 1]
    fields = record[base:-1]
    entry = tag + b"%04d%05d" % (len(body), len(fields))
    directory += entry
    fields += body
    new_base = 24 + len(directory) + 1
    length = new_base + len(fields) + 1
    leader = b"%05d" % length + record[5:12] + b"%05d" % new_base + record[17:24]
    return leader + directory + FT + fields + RT


def holding(barcode, location):
    parts = location.split("/", 1)
    body = b"  " + SD + b"a" + parts[0].encode()
    if len(parts) > 1:
        body += SD + b"c" + parts[1].encode()
    return body + SD + b"p" + barcode.encode() + FT


with open(os.path.join(data, "lc-law-dev.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
barcode_column, location_column = header.index("barcode"), header.index("location")
copies = [(row[barcode_column], row[location_column]) for row in body]
with open(os.path.join(out, "lc-law-dev-x10.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for repetition in range(10):
        for row in body:
            row = list(row)
            row[barcode_column] = ("" if repetition == 0 else "R%d" % repetition) + row[barcode_column]
            w.writerow(row)
originals = list(records(os.path.join(data, "lc-law-dev.mrc")))
assert len(originals) == len(copies), (len(originals), len(copies))

with open(os.path.join(out, "lc-law-dev-holdings.mrc"), "wb") as one, \
        open(os.path.join(out, "lc-law-dev-holdings-x10.mrc"), "wb") as ten:
    for repetition in range(10):
        for record, (barcode, location) in zip(originals, copies):
            prefix = "" if repetition == 0 else "R%d" % repetition
            written = with_field(record, b"952", holding(prefix + barcode, location))
            if repetition == 0:
                one.write(written)
            ten.write(written)
print("wrote lc-law-dev-holdings.mrc, lc-law-dev-holdings-x10.mrc and lc-law-dev-x10.csv to", out)
