#!/usr/bin/env python3
"""Deterministic generator of a realistic corpus of meeting reports for benchmarks.

Usage: bench/generate_corpus.py N OUT_DIR [--seed S]

Writes N reports (half French, half English) in the house styles of the real corpus: contact
group reports with participant lists, CFM summary records with numbered resolution lists, press
releases with a dateline and notes to editors. States come from data/gazetteers/states.tsv
(iso-codes), resolution popularity is Zipf-skewed (a few UNSC resolutions are cited by many
meetings, most by one or two), as in real OIC practice. Same N and seed, same bytes.
"""
import argparse
import csv
import pathlib
import random

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
CITIES = ["New York", "Istanbul", "Jeddah", "Abidjan", "Niamey", "Islamabad", "Dakar", "Abu Dhabi",
          "Kuala Lumpur", "Rabat", "Dhaka", "Tashkent", "Ankara", "Cairo"]
FIRST = ["Ahmed", "Fatima", "Youssef", "Aminata", "Hassan", "Mariam", "Ibrahim", "Aisha", "Omar",
         "Khadija", "Moussa", "Leila", "Tariq", "Nadia", "Bakary", "Salma"]
LAST = ["Diallo", "Rahman", "Haddad", "Traoré", "Khan", "Benali", "Ouedraogo", "Hassan", "Saleh",
        "Kone", "Aziz", "Mansour", "Cissé", "Qureshi", "Toure", "Karimov"]
# The 57 OIC member states: the participants of the meetings analysts track.
OIC_MEMBERS = set("""AFG ALB DZA AZE BHR BGD BEN BRN BFA CMR TCD COM CIV DJI EGY GAB GMB GIN GNB GUY IDN IRN IRQ
JOR KAZ KWT KGZ LBN LBY MYS MDV MLI MRT MAR MOZ NER NGA OMN PAK PSE QAT SAU SEN SLE SOM SDN SUR SYR TJK
TGO TUN TUR TKM UGA ARE UZB YEM""".split())
TOPICS = [("MLI", "Mali"), ("AZE", "Azerbaijan"), ("MMR", "Myanmar"), ("SOM", "Somalia"),
          ("BIH", "Bosnia and Herzegovina"), ("SLE", "Sierra Leone"), ("AFG", "Afghanistan")]


def states():
    names = {}
    path = pathlib.Path(__file__).resolve().parent.parent / "data/gazetteers/states.tsv"
    with path.open(encoding="utf-8") as f:
        for row in csv.reader((l for l in f if not l.startswith("#")), delimiter="\t"):
            if len(row) >= 3 and row[1] in ("en", "fr") and "," not in row[2]:
                names.setdefault(row[0], {}).setdefault(row[1], row[2])
    return [(k, v["en"], v.get("fr", v["en"])) for k, v in sorted(names.items()) if "en" in v and k in OIC_MEMBERS]


def zipf_resolution(rng, pool):
    # Rank r is chosen with weight 1/r: resolution 1 is cited about 10x more than resolution 10.
    return pool[min(int(rng.paretovariate(1.0)) - 1, len(pool) - 1)]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def report(i, rng, all_states, pool):
    french = i % 2 == 0
    year = 2000 + rng.randrange(24)
    month = rng.randrange(12)
    day = 1 + rng.randrange(28)
    city = rng.choice(CITIES)
    topic = rng.choice(TOPICS)
    attendees = rng.sample(all_states, 5 + rng.randrange(10))
    cited = sorted({zipf_resolution(rng, pool) for _ in range(1 + rng.randrange(5))})
    background = zipf_resolution(rng, pool)
    chair = person(rng)
    minister = person(rng)
    res = ", ".join(f"{n} ({y})" for n, y in cited)
    if french:
        names = ", ".join(f"la République de {s[2]}" if k % 3 == 0 else s[2] for k, s in enumerate(attendees))
        date = f"{day} {MONTHS_FR[month]} {year}"
        return (f"# RÉUNION DU GROUPE DE CONTACT DE L'OCI SUR {topic[1].upper()}\n\n"
                f"{city}, le {date}\n\n"
                f"Le Groupe de contact de l'Organisation de la coopération islamique (OCI) sur {topic[1]} "
                f"s'est réuni le {date} à {city}, sous la présidence de S.E.M. {chair}, Secrétaire général "
                f"adjoint de l'OCI.\n\nLes États membres suivants ont participé à la réunion : {names}.\n\n"
                f"Le Ministre des Affaires étrangères de {attendees[0][2]}, S.E.M. {minister}, a rappelé les "
                f"résolutions {res} du Conseil de sécurité des Nations Unies.\n\n"
                f"La Réunion a décidé de poursuivre ses consultations lors de la {1 + rng.randrange(60)}e session "
                f"du Conseil des ministres des affaires étrangères.\n\n"
                f"## Note du Secrétariat\n\nLa résolution {background[0]} ({background[1]}) a créé le cadre "
                f"de la question ; {rng.randrange(100)} % des États membres l'ont soutenue.\n")
    names = ", ".join(f"the Republic of {s[1]}" if k % 3 == 0 else s[1] for k, s in enumerate(attendees))
    date = f"{MONTHS_EN[month]} {day}, {year}"
    return (f"OIC CONTACT GROUP ON {topic[1].upper()} MEETS IN {city.upper()}\n\n"
            f"{city}, {date} - The OIC Contact Group on {topic[1]} met on {date} in {city}. "
            f"The meeting was chaired by H.E. Mr. {chair}, Assistant Secretary General of the OIC.\n\n"
            f"The following took part: {names}.\n\n"
            f"The Minister of Foreign Affairs of {attendees[0][1]}, Mr. {minister}, recalled Security "
            f"Council resolutions {res} and called for their full implementation.\n\n"
            f"The Group will report to the {1 + rng.randrange(60)}th session of the Council of Foreign "
            f"Ministers.\n\nNotes to editors\n\nResolution {background[0]} ({background[1]}) was adopted by the "
            f"Security Council; {rng.randrange(1000)} delegates attended.\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    all_states = states()
    pool = [(str(100 + 7 * k), 1948 + (k * 37) % 75) for k in range(2000)]
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.count):
        ext = ".md" if i % 2 == 0 else ".txt"
        (args.out / f"report_{i:06d}{ext}").write_text(report(i, rng, all_states, pool), encoding="utf-8")


if __name__ == "__main__":
    main()
