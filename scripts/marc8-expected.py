#!/usr/bin/env python3
"""Writes what pymarc (the reference MARC reader, from PyPI) decodes the real
MARC-8 samples to, as the fixture MARC8SampleTests compares lawcat's decoder
with: Tests/CatalogueTests/MARC/Fixtures/marc8-*.expected.json.

pymarc 5.4.0 carries the same Library of Congress code tables lawcat ships
(marc8-codetables.tsv), so this is "the characters the code tables give",
decoded by an implementation that is not lawcat's. Text is compared in
Unicode NFC (pymarc leaves combining marks decomposed).

Usage: scripts/marc8-expected.py (makes its own virtual environment in
.build/pymarc-venv and installs pymarc into it).
"""
import json
import os
import subprocess
import sys
import venv

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = os.path.join(root, "..", "shared", "data")
env = os.path.join(root, ".build", "pymarc-venv")
python = os.path.join(env, "bin", "python")

if sys.executable != python:
    if not os.path.exists(python):
        venv.create(env, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "pymarc==5.4.0"], check=True)
    sys.exit(subprocess.run([python, __file__] + sys.argv[1:]).returncode)

import unicodedata  # noqa: E402

import pymarc  # noqa: E402


def nfc(text):
    return unicodedata.normalize("NFC", text)


for name in ["marc8-sample", "marc8-one"]:
    records = []
    with open(os.path.join(data, name + ".mrc"), "rb") as f:
        for record in pymarc.MARCReader(f, to_unicode=True, force_utf8=False, hide_utf8_warnings=True):
            fields = []
            for field in record.fields:
                if field.is_control_field():
                    fields.append([field.tag, nfc(field.data)])
                else:
                    fields.append([field.tag, field.indicators[0] + field.indicators[1],
                                   [[s.code, nfc(s.value)] for s in field.subfields]])
            records.append(fields)
    target = os.path.join(root, "Tests", "CatalogueTests", "MARC", "Fixtures", name + ".expected.json")
    with open(target, "w", encoding="utf-8") as out:
        # One record a line, so that a change shows as the records it touches.
        out.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n")
    print(f"wrote {len(records)} records to {os.path.relpath(target, root)}")
