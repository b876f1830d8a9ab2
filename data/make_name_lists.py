#!/usr/bin/env python3
"""Regenerates the organization and venue name lists of src/entities from open gazetteers.

Usage (from the project root):  python3 data/make_name_lists.py ../shared/gazetteers
Reads the gazetteer copies described in that folder's README (openfootball clubs,
partyfacts, Hipo university list, name-suggestion-index, simple-icons, SEC company
tickers) and writes, beside this script, one list per source:

    org_names_companies.txt    SEC-registered companies (public domain)
    org_names_brands.txt       brands and operators: simple-icons (CC0) + NSI (BSD-3)
    org_names_universities.txt universities (MIT)
    org_names_parties.txt      political parties (MIT)
    sports_clubs.txt           football clubs and their short names (CC0)
    venues.txt                 football stadiums (CC0)

Each list is filtered so that a hit is evidence worth weighing: one-word entries that are
common English words, given names, places, demonyms or bare acronyms are dropped (a club
named after its city stays in sports_clubs.txt: src/entities types it an organization
only in a sports context). Hand-written lists (org_names_media.txt, sports_teams.txt,
org_names_bodies.txt, org_names_publishers.txt) are edited by hand. The copyright notices
of the MIT and BSD sources are in data/NOTICE.
"""
import csv
import glob
import json
import os
import re
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/gazetteers"
OUT = os.path.dirname(os.path.abspath(__file__))


def entries(name):
    """The entries of one of our data/ lists (the key before a tab), comments skipped."""
    out = []
    for line in open(os.path.join(OUT, name), encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.split("\t")[0].split("|")[0].strip())
    return out


COMMON = set(entries("common_words.txt"))
GIVEN = set(entries("given_names.txt")) | set(entries("given_names_intl.txt"))
PLACES = set(entries("places.txt")) | set(entries("places_extra.txt")) | set(
    entries("countries.txt"))
DEMONYMS = set(entries("demonyms.txt"))
NOT_NAMES = set(entries("not_name_words.txt")) | set(entries("not_names.txt"))
PLACE_WORDS = set(entries("place_words.txt"))
TITLES = {t.lower() for t in entries("titles.txt")}
LEGAL = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
         "plc", "llc", "lp", "llp", "ag", "sa", "nv", "se", "spa", "gmbh", "bv", "ab", "asa",
         "oyj", "bhd", "pty", "holdings", "holding", "group", "the", "trust", "de", "del",
         "cos", "companies", "n.v", "s.a", "s.p.a", "a/s", "l.p", "co.", "inc.", "corp.",
         "ltd.", "plc.", "s.a.", "n.v.", "/de/", "/de", "/md/", "/new/", "/ny/", "/pa/",
         "/the", "/can/"}


def plausible(name):
    """A name worth listing: capitalised, letters and a few marks, at most six words."""
    if not name or not name[0].isupper() or len(name) < 3:
        return False
    if not re.fullmatch(r"[\w&'’.\- ]+", name) or any(ch.isdigit() for ch in name):
        return False
    return len(name.split()) <= 6


def ambiguous_word(word, strong=False):
    """A one-word entry that is more often something else: a common word (unless the
    entry is strong and the word rarer than the 3,000 most frequent), a given name, a
    place, a demonym, a title, a bare acronym, or a word we never take for a name."""
    if word in NOT_NAMES or word in PLACES or word in GIVEN or word in DEMONYMS:
        return True
    if word.lower() in TITLES or (word.isupper() and len(word) <= 5):
        return True
    lower = word.lower()
    if lower in COMMON:
        return not (strong and COMMON_RANK.get(lower, 0) > 3000)
    return False


COMMON_RANK = {w: i for i, w in enumerate(entries("common_words.txt"))}


def latin(name):
    """Written in the Latin script (other scripts never match an English text's names)."""
    return all(ord(ch) < 0x250 or ch in "’" for ch in name)


def keep(name, strong=False):
    words = name.split()
    if not plausible(name) or not latin(name):
        return False
    if len(words) == 1:
        return not ambiguous_word(name, strong)
    # Several words: drop generic phrases ("Post Office", "Fire Department") made of
    # common lowercase words only, and place names.
    if name in PLACES:
        return False
    return not all(w.lower() in COMMON and w not in GIVEN for w in words)


def write(name, header, names):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for n in sorted(set(names)):
            f.write(n + "\n")
    print("%s: %d entries" % (name, len(set(names))))


def strip_legal(name):
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().strip(".") in {w.strip(".") for w in LEGAL}:
        words.pop()
    while len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words)


def title_case(word):
    """An upper-case SEC word as news writes it: short consonant-only words and words
    with an ampersand stay in capitals ("AT&T", "BNY"), others get a capital first."""
    if "&" in word or (len(word) <= 3 and not re.search(r"[AEIOUY]", word)):
        return word
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def companies():
    rows = json.load(open(os.path.join(SRC, "sec-company-tickers/company_tickers.json")))
    names = []
    for row in rows.values():
        title = " ".join(title_case(w) if w.isupper() else w for w in row["title"].split())
        name = strip_legal(title).rstrip(".")
        if keep(name):
            names.append(name)
    write("org_names_companies.txt", [
        "Companies registered with the US Securities and Exchange Commission, their legal",
        "suffixes (Inc, Corp, Group, Holdings...) removed and upper case written as names.",
        "Source: SEC company_tickers.json (US federal government data, public domain), copy",
        "in lwowlwowl/company_name_to_ticker commit e83838f7269c (Aug 2025).",
        "Generated by data/make_name_lists.py: ambiguous one-word names are left out.",
    ], names)


def brands():
    icons = json.load(open(os.path.join(SRC, "simple-icons/simple-icons.json")))
    counts = {}
    for icon in icons:
        for name in [icon["title"]] + icon.get("aliases", {}).get("aka", []):
            counts[name] = counts.get(name, 0) + 2
    nsi = json.load(open(os.path.join(SRC, "name-suggestion-index/nsi.json")))["nsi"]
    for path, cat in nsi.items():
        if not path.startswith(("brands/", "operators/", "transit/")):
            continue
        for item in cat["items"]:
            tags = item.get("tags", {})
            if not any(k.endswith(":wikidata") for k in tags):
                continue  # local names: thousands of single shops
            for key in ("brand", "operator", "network"):
                if key in tags:
                    counts[tags[key]] = counts.get(tags[key], 0) + 1
    names = [strip_legal(n) for n, c in counts.items() if keep(strip_legal(n), strong=c >= 2)]
    # "Cawayan West District": operators that are places or their administrations.
    names = [n for n in names if n.split()[-1] not in PLACE_WORDS]
    write("org_names_brands.txt", [
        "Brands, companies and operators (shops, banks, fuel, airlines, rail and bus",
        "operators, software and web services). Sources: simple-icons 16.37.0 titles and",
        "aliases (CC0 1.0) and name-suggestion-index 8.0.20260918 brand, operator and network",
        "tags of entries with a Wikidata id (BSD 3-Clause, (c) 2026 name-suggestion-index",
        "contributors; see data/NOTICE). Generated by data/make_name_lists.py: ambiguous",
        "one-word names are left out (a common word is kept only when several entries name it).",
    ], names)


def universities():
    rows = json.load(open(os.path.join(SRC, "universities/world_universities_and_domains.json")))
    names = [r["name"].strip() for r in rows if keep(r["name"].strip())]
    write("org_names_universities.txt", [
        "Universities and colleges of the world, by their official names.",
        "Source: Hipo university-domains-list commit bb07faf064e1 (MIT, (c) 2014-2025 Hipo;",
        "see data/NOTICE). Generated by data/make_name_lists.py.",
    ], names)


def parties():
    path = os.path.join(SRC, "partyfacts/partyfacts-core-parties.csv")
    names = []
    for row in csv.DictReader(open(path, encoding="utf-8")):
        for field in ("name_english", "name"):
            for name in (row.get(field) or "").split(" / "):
                name = name.strip()
                if len(name.split()) >= 2 and keep(name):
                    names.append(name)
    write("org_names_parties.txt", [
        "Political parties of the world, by their English and native names (two words or",
        "more: short names and acronyms are too ambiguous). Source: Party Facts core",
        "parties, hdigital/partyfactsdata commit 764de8978f84 (MIT, (c) 2022 Party Facts",
        "authors; see data/NOTICE). Generated by data/make_name_lists.py.",
    ], names)


def club_lines():
    """(canonical name, alternative names) of every openfootball club."""
    for path in sorted(glob.glob(os.path.join(SRC, "openfootball-clubs/**/*.clubs.txt"),
                                 recursive=True)):
        club = None
        for raw in open(path, encoding="utf-8"):
            line = raw.split("#")[0].rstrip()
            if not line.strip() or line.startswith("="):
                continue
            if line.lstrip().startswith("|"):
                if club:
                    club[1].extend(p.strip() for p in line.split("|") if p.strip())
                continue
            if club:
                yield club
            club = (line.split(",")[0].strip(), [])
        if club:
            yield club


def clubs():
    names = []
    for canonical, alternatives in club_lines():
        for name in [canonical] + alternatives:
            name = re.sub(r"\s+", " ", name).strip()
            if "." in name or not plausible(name):
                continue
            words = name.split()
            # A club named after its city or a common word is still listed: the entity
            # stage takes it for the club only in a sports context.
            if len(words) == 1 and (name in NOT_NAMES or name.isupper()):
                continue
            names.append(name)
    write("sports_clubs.txt", [
        "Football clubs of every country, with their short names and nicknames (\"Spurs\").",
        "Many are also the names of their towns: a hit is evidence for a club only in a",
        "sports context. Source: openfootball/clubs commit ae3800227c44 (CC0 1.0).",
        "Generated by data/make_name_lists.py; North American teams are in sports_teams.txt.",
    ], names)


def venues():
    names = []
    for path in sorted(glob.glob(os.path.join(SRC, "openfootball-clubs/**/*.stadiums.txt"),
                                 recursive=True)):
        for raw in open(path, encoding="utf-8"):
            line = raw.split("#")[0].split("//")[0].rstrip()
            if not line.strip() or line.startswith("=") or raw.startswith(" " * 3):
                continue
            parts = [line.split(",")[0]] if not line.lstrip().startswith("|") else \
                line.split("|")
            for name in parts:
                name = re.sub(r"\$", "", name).strip()
                if keep(name):
                    names.append(name)
    write("venues.txt", [
        "Football stadiums (places: \"Old Trafford\", \"Wembley Stadium\").",
        "Source: openfootball/clubs commit ae3800227c44 stadium lists (CC0 1.0).",
        "Generated by data/make_name_lists.py.",
    ], names)


if __name__ == "__main__":
    companies()
    brands()
    universities()
    parties()
    clubs()
    venues()
