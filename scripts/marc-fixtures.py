#!/usr/bin/env python3
"""Writes the small MARC 21 files the MARC tests read, under
Tests/CatalogueTests/MARC/Fixtures/: three records a file, built here byte by
byte (not with lawcat's writer, so that the reader is tested against an
independent hand), and broken copies with exactly one fault each, always in
the second record:

  good.mrc                 three good records (UTF-8, MARC-8, holdings in 952 and 852)
  broken-length.mrc        the leader's record length is 5 more than the record
  broken-length-digits.mrc the leader's record length is not digits
  broken-base.mrc          the base address of data is not digits
  broken-directory.mrc     a directory entry runs past the end of the data
  broken-terminator.mrc    a field has no field terminator where it should end
  broken-indicator.mrc     an indicator is an upper-case letter
  broken-truncated.mrc     the file ends inside the third record
  undecodable.mrc          a MARC-8 record with a byte no code table has (a warning, not a fault)

Usage: python3 scripts/marc-fixtures.py
"""
import os

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = os.path.join(root, "Tests", "CatalogueTests", "MARC", "Fixtures")
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"


def record(fields, coding=b"a"):
    """fields: (tag, data bytes) for control fields, (tag, indicators, [(code, bytes)]) for data fields."""
    directory, data = b"", b""
    for field in fields:
        if len(field) == 2:
            body = field[1] + FT
        else:
            body = field[1] + b"".join(SD + code + value for code, value in field[2]) + FT
        directory += field[0] + b"%04d%05d" % (len(body), len(data))
        data += body
    base = 24 + len(directory) + 1
    length = base + len(data) + 1
    leader = b"%05dnam %s22%05d   4500" % (length, coding, base)
    return leader + directory + FT + data + RT


first = record([
    (b"001", b"rec-1"),
    (b"008", b"990101s1999    enk           000 0 eng  "),
    (b"020", b"  ", [(b"a", b"0421587300 (pbk.)")]),
    (b"050", b"00", [(b"a", b"KD1554"), (b"b", b".C45 1999")]),
    (b"100", b"1 ", [(b"a", b"Chitty, Joseph,"), (b"d", b"1776-1841.")]),
    (b"245", b"10", [(b"a", b"Chitty on contracts /"), (b"c", b"general editor, H.G. Beale.")]),
    (b"250", b"  ", [(b"a", b"28th ed.")]),
    (b"650", b" 0", [(b"a", b"Contracts"), (b"z", b"Great Britain.")]),
    (b"952", b"  ", [(b"a", b"LON"), (b"c", b"REF"), (b"p", b"F0001")]),
    (b"952", b"  ", [(b"a", b"Manchester"), (b"p", b"F0002")]),
])
second = record([
    (b"001", b"rec-2"),
    (b"008", b"980101s1998    fr            000 0 fre  "),
    (b"050", b"00", [(b"a", b"KJV444")]),
    # MARC-8: ANSEL cedilla (F0) before c, acute (E2) before e.
    (b"245", b"10", [(b"a", b"Code civil fran\xf0cais :"), (b"b", b"\xe2edition annot\xe2ee.")]),
    (b"852", b"  ", [(b"a", b"Paris"), (b"b", b"Bibliotheque"), (b"p", b"F0003")]),
], coding=b" ")
third = record([
    (b"001", b"rec-3"),
    (b"008", b"000101s2000    gw            000 0 ger  "),
    (b"245", b"00", [(b"a", "Bürgerliches Gesetzbuch.".encode("utf-8"))]),
    (b"651", b" 0", [(b"a", b"Germany"), (b"x", b"Civil law.")]),
])


def write(name, *records):
    with open(os.path.join(target, name), "wb") as f:
        f.write(b"".join(records))


def replace(data, old, new):
    assert old in data, old
    return data.replace(old, new, 1)


os.makedirs(target, exist_ok=True)
write("good.mrc", first, second, third)
write("broken-length.mrc", first, b"%05d" % (int(second[:5]) + 5) + second[5:], third)
write("broken-length-digits.mrc", first, b"0a" + second[2:], third)
write("broken-base.mrc", first, second[:12] + b"00x12" + second[17:], third)
# The 245 entry's start moved far past the data.
entry = second.index(b"245", 24)
write("broken-directory.mrc", first, second[:entry + 7] + b"90000" + second[entry + 12:], third)
# The 245 field's terminator becomes a letter.
write("broken-terminator.mrc", first, replace(second, b"annot\xe2ee." + FT, b"annot\xe2ee.x"), third)
write("broken-indicator.mrc", first, replace(second, FT + b"10" + SD + b"aCode", FT + b"1A" + SD + b"aCode"), third)
write("broken-truncated.mrc", first, second, third[: len(third) // 2])
undecodable = record([
    (b"001", b"rec-u"),
    (b"245", b"10", [(b"a", b"Law \xaf of nations.")]),
], coding=b" ")
write("undecodable.mrc", first, undecodable, third)
print("wrote", sorted(n for n in os.listdir(target) if n.endswith(".mrc")))
