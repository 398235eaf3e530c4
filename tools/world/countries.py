#!/usr/bin/env python3
"""Writes the engine's country table from the world-countries npm package.

Usage:
    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    python3 tools/world/countries.py package/countries.json \
        > src-tauri/crates/core/data/countries.tsv

The engine reads the table to tell that a country, its people's adjective or
its capital speaking is a government ("Washington accused…", "the Russian
government said"), and to join the names outlets give one country. The
package's data is under the Open Database License (ODbL 1.0); the table is
a derived database under the same licence, as its header says.
"""

import json
import sys

HEADER = """\
# Countries: common name, official name, other English names, people's adjective, capitals,
# and the common name in German, French and Russian.
# Derived from the world-countries npm package 5.1.0 (mledoze/countries), ODbL 1.0:
# https://opendatacommons.org/licenses/odbl/1-0/ . Regenerate with tools/world/countries.py.
# Columns are tab-separated; lists inside a column are separated by '|'.
"""


def english(name):
    """Whether a name is written in English letters (not a native spelling)."""
    return all(ord(c) < 0x250 for c in name) and not any(c.isdigit() for c in name)


def row(country):
    codes = {country["cca2"], country["cca3"]}
    common = country["name"]["common"]
    official = country["name"]["official"]
    others = [
        n
        for n in country.get("altSpellings", [])
        if english(n) and n not in codes and n not in (common, official) and len(n) > 2
    ]
    demonym = country.get("demonyms", {}).get("eng", {}).get("m", "")
    capitals = [c for c in country.get("capital", []) if english(c)]
    translations = country.get("translations", {})
    foreign = [translations.get(lang, {}).get("common", "") for lang in ("deu", "fra", "rus")]
    cells = [common, official, "|".join(others), demonym, "|".join(capitals)] + foreign
    return "\t".join(c.replace("\t", " ") for c in cells)


def main(path):
    with open(path, encoding="utf-8") as source:
        countries = json.load(source)
    sys.stdout.write(HEADER)
    for country in sorted(countries, key=lambda c: c["name"]["common"]):
        print(row(country))


if __name__ == "__main__":
    main(sys.argv[1])
