"""A synthetic national data set: every municipality, many offers, contacts and partners.

The records are invented and marked ``eksempel: true``. E-mail addresses use the
reserved domain example.org and there are no phone numbers. Text is built from a
small Danish vocabulary so that lengths and words look like real records
(titles 30–80 characters, descriptions 300–800). The generator is seeded, so the
same scale always gives the same files.

At scale 1: 98 municipalities with about 50 offers each (~4,900 offers), 50
partners with local branches (~250 partner offers), and about 1,000 contact roles
(three roles in each municipality's contact file, a therapy unit per department
file and a contact per partner). Scale multiplies offers, partners and departments;
the register (98 municipalities, 5 regions) stays the real one.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from videre.core import vocab

ROOT = Path(__file__).resolve().parent.parent
REGISTER = ROOT / "data" / "kommuner.yaml"

OFFERS_PER_MUNICIPALITY = 50
PARTNERS = 50
DEPARTMENTS = 650
MUNICIPAL_ROLES = ("gop_modtager", "frivilligkoordinator", "koordinerende_kontaktperson_depression")

# ---------------------------------------------------------------- vocabulary

ACTIVITIES = (
    "Genoptræning",
    "Samtalegruppe",
    "Gåhold",
    "Kursus i søvn og stress",
    "Mentorstøtte",
    "Bostøtte",
    "Værested",
    "Fællesspisning",
    "Rådgivning",
    "Naturtræning",
    "Kropsbevidst træning",
    "Hold om angst",
    "Hold om depression",
    "Støtte til job",
    "Aktivitetshus",
    "Pårørendegruppe",
    "Besøgsven",
    "Madlavning i fællesskab",
    "Løbehold",
    "Kreativt værksted",
    "Musikgruppe",
    "Brugerstyret café",
    "Recoveryskole",
    "Psykoedukation",
    "Sorggruppe",
)
QUALIFIERS = (
    "efter indlæggelse",
    "for unge voksne",
    "i hverdagen",
    "for pårørende",
    "med mentor",
    "i små skridt",
    "i naturen",
    "hjemme hos dig",
    "på sundhedscentret",
    "om aftenen",
    "for dig med angst",
    "efter udskrivelse fra psykiatrien",
    "med fokus på søvn",
    "og struktur i ugen",
    "for ældre",
    "i lokalområdet",
    "med fællesskab",
)
SUBJECTS = (
    "Du",
    "Sammen med en medarbejder",
    "I en lille gruppe",
    "Med støtte fra en mentor",
    "Sammen med andre i samme situation",
    "Hver uge",
    "I dit eget tempo",
    "Med hjælp fra en ergoterapeut",
    "Sammen med en fysioterapeut",
    "Med en fast kontaktperson",
)
VERBS = (
    "træner du",
    "arbejder du med",
    "lærer du om",
    "øver du",
    "taler I om",
    "finder I frem til",
    "får du hjælp til",
    "bliver du bedre til",
    "laver I en plan for",
    "tager du hul på",
)
OBJECTS = (
    "struktur i hverdagen",
    "gode vaner omkring søvn",
    "at komme ud blandt andre",
    "at håndtere angst",
    "at mærke kroppen",
    "små mål for ugen",
    "at handle ind og lave mad",
    "at komme tilbage til job",
    "strategier, når tankerne fylder",
    "at bruge naturen som pause",
    "at sige til og fra",
    "at genkende tegn på tilbagefald",
    "vejrtrækning og ro",
    "at tage kontakt til foreninger",
    "at klare transport og aftaler",
    "kost og bevægelse",
    "at få overblik over økonomien",
)
ENDINGS = (
    "Forløbet varer typisk otte til tolv uger.",
    "Du kan tage en pårørende med første gang.",
    "Der er kaffe og te, og du må gerne bare lytte.",
    "Vi tilpasser indsatsen efter dine mål.",
    "Du bestemmer selv, hvor meget du vil fortælle.",
    "Tilbuddet er gratis for borgere i kommunen.",
    "Mange oplever, at det hjælper at møde andre.",
    "Vi holder pauser, når der er brug for det.",
    "Du får en skriftlig plan, som du kan tage med hjem.",
    "Holdet mødes på faste dage hver uge.",
    "Medarbejderne har tavshedspligt.",
    "Du kan stoppe når som helst.",
)
TARGETS = (
    "Voksne, der har været indlagt i psykiatrien.",
    "Unge mellem 18 og 30 år med psykiske vanskeligheder.",
    "Borgere med angst eller depression, der vil videre i hverdagen.",
    "Pårørende til mennesker med psykisk sygdom.",
    "Ældre, der føler sig ensomme efter en indlæggelse.",
)
REFER = (
    "Send genoptræningsplanen til kommunens sikre post. Skriv gerne, hvad borgeren selv ønsker.",
    "Borgeren kan selv ringe eller skrive. Du kan også hjælpe med den første kontakt.",
    "Egen læge henviser. Skriv kort, hvem der allerede hjælper borgeren.",
    "Kontakt visitationen, som aftaler en samtale med borgeren inden for to uger.",
)
PLACES = ("Sundhedshuset", "Aktivitetscentret", "Træningscentret", "Medborgerhuset", "Biblioteket", "Værestedet")
STREETS = ("Skolevej", "Stationsvej", "Kirkegade", "Havnegade", "Parkvej", "Engvej", "Bakkevej", "Torvet")
PARTNER_WORDS = ("Foreningen", "Netværket", "Landsforeningen", "Fællesskabet", "Selvhjælp", "Huset")
PARTNER_THEMES = (
    "for psykisk sundhed",
    "mod ensomhed",
    "for pårørende",
    "for unge i mistrivsel",
    "om angst",
    "om depression",
    "for bedre trivsel",
    "for recovery",
    "for sorg og tab",
)
DEPARTMENT_KINDS = (
    "Psykiatrisk Afdeling",
    "Afsnit for Psykoser",
    "Afsnit for Affektive Lidelser",
    "Akutpsykiatrisk Afsnit",
    "Retspsykiatrisk Afsnit",
    "Ungdomspsykiatrisk Afsnit",
    "Afsnit for Angst og OCD",
    "Gerontopsykiatrisk Afsnit",
)
UNITS = (
    "Træning og Rehabilitering",
    "Socialpsykiatrien",
    "Sundhed og Forebyggelse",
    "Job og Uddannelse",
    "Voksen og Handicap",
    "Aktivitet og Fællesskab",
)

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})


def slugify(text: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_FOLD)).strip("-")
    return slug[:limit].rstrip("-")


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def description(rng: random.Random, low: int = 300, high: int = 800) -> str:
    """Danish prose of ``low``–``high`` characters, sometimes with bold text or a short list."""
    target = rng.randint(low, high)
    sentences: list[str] = []
    while len(" ".join(sentences)) < target:
        sentences.append(_sentence(rng) if rng.random() < 0.7 else rng.choice(ENDINGS))
    while len(" ".join(sentences)) > high:
        sentences.pop()
    if rng.random() < 0.3 and len(" ".join(sentences)) + 4 <= high:
        word = rng.choice(OBJECTS)
        sentences[0] = sentences[0].replace(word, f"**{word}**", 1)
    text = " ".join(sentences)
    if rng.random() < 0.25:
        items = "\n".join(f"- {item[0].upper()}{item[1:]}" for item in rng.sample(OBJECTS, 3))
        extra = f"\n\nDu kan blandt andet arbejde med:\n\n{items}"
        if len(text) + len(extra) <= high:
            text += extra
    return text


def title(rng: random.Random, municipality_name: str) -> str:
    """A title of 30–80 characters."""
    text = f"{rng.choice(ACTIVITIES)} {rng.choice(QUALIFIERS)}"
    if len(text) < 30 or rng.random() < 0.4:
        text += f" i {municipality_name}"
    while len(text) < 30:
        text += " " + rng.choice(("og fællesskab", "for voksne", "med støtte"))
    return text[:80].rstrip()


def _contact(rng: random.Random, role: str, domain: str, local: str) -> dict:
    data = {"rolle": role, "enhed": rng.choice(UNITS), "email": f"{local}@{domain}.example.org"}
    if rng.random() < 0.5:
        data["sikker_post"] = f"sikker-{local}@{domain}.example.org"
    if rng.random() < 0.6:
        data["tider"] = rng.choice(("Hverdage kl. 8–15", "Mandag–torsdag kl. 9–14", "Tirsdag kl. 10–12"))
    return data


def offer(rng: random.Random, owner_name: str, domain: str, today: dt.date, title_text: str) -> dict:
    age_from = rng.choice((0, 15, 18, 18, 18, 25, 65))
    age_to = rng.choice((17, 30, 64, 120, 120, 120)) if age_from < 17 else rng.choice((30, 64, 120, 120))
    if age_to < age_from:
        age_to = 120
    data: dict = {
        "titel": title_text,
        "type": rng.choice(list(vocab.OFFER_KINDS)),
        "beskrivelse": description(rng),
        "målgruppe": {
            "alder": {"fra": age_from, "til": age_to},
            "problemer": rng.sample([p for p in vocab.PROBLEMS if p != "alle"], rng.randint(1, 4)),
        },
        "indhold": rng.sample(list(vocab.CONTENT_ELEMENTS), rng.randint(0, 4)),
        "form": rng.sample(list(vocab.DELIVERY_MODES), rng.randint(1, 3)),
        "henvisning": rng.sample(list(vocab.REFERRAL_ROUTES), rng.randint(1, 2)),
        "sted": {
            "navn": rng.choice(PLACES),
            "adresse": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            "by": owner_name,
        },
        "pris": "Gratis",
        "sprog": ["da"] + (["en"] if rng.random() < 0.2 else []),
        "kontakt": _contact(rng, "Visitator" if rng.random() < 0.5 else "Koordinator", domain, "tilbud"),
        "eksempel": True,
        "kilde": "Syntetisk testdata til benchmark; ikke en rigtig post",
    }
    if rng.random() < 0.6:
        data["målgruppe"]["beskrivelse"] = rng.choice(TARGETS)
    if rng.random() < 0.7:
        data["sådan_henviser_du"] = rng.choice(REFER)
    if rng.random() < 0.5:
        data["åbningstider"] = rng.choice(("Hverdage kl. 8–15", "Tirsdag og torsdag kl. 10–13", "Efter aftale"))
    return data


@dataclass(frozen=True)
class Counts:
    scale: float
    municipalities: int
    regions: int
    municipal_offers: int
    partners: int
    partner_offers: int
    contact_files: int
    department_files: int
    contact_roles: int
    """Role entries: three per municipal contact file, one per department file and one per partner."""
    screens: int
    """Info screens (kiosk), copied from data/screens/ and pointed at generated departments."""
    files: int
    bytes: int

    @property
    def offers(self) -> int:
        return self.municipal_offers + self.partner_offers

    def as_dict(self) -> dict:
        return {**asdict(self), "offers": self.offers}


def _write(path: Path, data: dict) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _unique_title(rng: random.Random, name: str, used: set[str]) -> str:
    for _ in range(50):
        candidate = title(rng, name)
        if candidate.casefold() not in used:
            break
    else:  # pragma: no cover - the vocabulary gives ~7,000 combinations per owner
        candidate = f"{title(rng, name)[:70]} {len(used)}"
    used.add(candidate.casefold())
    return candidate


def _screens(out: Path, register: Path, departments: int) -> int:
    """Info screens for the kiosk: the real screen files, pointed at generated departments."""
    source = register.parent / "screens"
    if not source.is_dir():
        return 0
    count = 0
    for index, path in enumerate(sorted(source.glob("*.yaml"))):
        number = index % departments + 1
        kind = DEPARTMENT_KINDS[(number - 1) % len(DEPARTMENT_KINDS)]
        text = re.sub(r"(?m)^afdeling:.*$", f"afdeling: {slugify(kind)}-{number}", path.read_text(encoding="utf-8"))
        target = out / "screens" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        count += 1
    return count


def generate(
    out: Path, scale: float = 1.0, *, seed: int = 2026, today: dt.date | None = None, register: Path = REGISTER
) -> Counts:
    """Write a data tree below ``out`` (replacing it) and return what was written."""
    if out.resolve() == (ROOT / "data").resolve():
        raise ValueError("the generator never writes into data/")
    today = today or dt.date.today()
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(register, out / "kommuner.yaml")
    reg = yaml.safe_load(register.read_text(encoding="utf-8"))
    municipalities = reg["kommuner"]
    regions = [r["slug"] for r in reg["regioner"] if "gyldig_fra" not in r]  # the regions at the start
    files, size = 1, (out / "kommuner.yaml").stat().st_size

    municipal_offers = 0
    for m in municipalities:
        used: set[str] = set()
        count = max(1, round(OFFERS_PER_MUNICIPALITY * scale * rng.uniform(0.8, 1.2)))
        for index in range(count):
            text = _unique_title(rng, m["navn"], used)
            size += _write(
                out / "offers" / m["slug"] / f"{slugify(text)}-{index + 1}.yaml",
                offer(rng, m["navn"], m["slug"], today, text),
            )
            files += 1
        municipal_offers += count
        contacts = {
            role: _contact(rng, label, m["slug"], local)
            for role, label, local in (
                ("gop_modtager", "Modtagelse af genoptræningsplaner", "genoptraening"),
                ("frivilligkoordinator", "Frivillighedskoordinator", "frivillig"),
                ("koordinerende_kontaktperson_depression", "Koordinerende kontaktperson for depression", "depression"),
            )
        }
        contacts.update(eksempel=True, kilde="Syntetisk testdata til benchmark")
        size += _write(out / "contacts" / "kommuner" / f"{m['slug']}.yaml", contacts)
        files += 1

    by_region: dict[str, list[str]] = {r: [] for r in regions}
    for m in municipalities:  # a municipality that changes region counts in its first one
        by_region[m["region"] if "region" in m else m["regioner"][0]["region"]].append(m["slug"])
    departments = max(1, round(DEPARTMENTS * scale))
    for index in range(departments):
        region = regions[index % len(regions)]
        kind = DEPARTMENT_KINDS[index % len(DEPARTMENT_KINDS)]
        serves = sorted(rng.sample(by_region[region], min(len(by_region[region]), rng.randint(2, 6))))
        data = {
            "navn": f"{kind} {index + 1}",
            "region": region,
            "terapienhed": _contact(rng, "Ergo- og fysioterapeuterne", f"afdeling-{index + 1}", "terapi"),
            "betjener": serves,
            "eksempel": True,
            "kilde": "Syntetisk testdata til benchmark",
        }
        size += _write(out / "contacts" / "afdelinger" / f"{slugify(kind)}-{index + 1}.yaml", data)
        files += 1

    partners = max(1, round(PARTNERS * scale))
    partner_offers = 0
    all_slugs = [m["slug"] for m in municipalities]
    for index in range(partners):
        name = f"{rng.choice(PARTNER_WORDS)} {rng.choice(PARTNER_THEMES)} {index + 1}"
        slug = f"forening-{index + 1}"
        size += _write(
            out / "partners" / f"{slug}.yaml",
            {
                "navn": name,
                "kort_navn": name[:40].rstrip(),
                "beskrivelse": description(rng, 150, 400),
                "web": f"https://{slug}.example.org",
                "kontakt": _contact(rng, "Sekretariatet", slug, "kontakt"),
                "eksempel": True,
                "kilde": "Syntetisk testdata til benchmark",
            },
        )
        files += 1
        used: set[str] = set()
        branches = rng.randint(3, 7)
        for branch in range(branches):
            roll = rng.random()
            if branch == 0 and roll < 0.2:
                coverage = [vocab.NATIONWIDE]
            elif roll < 0.4:
                coverage = [f"region-{rng.choice(regions)}"]
            else:
                coverage = sorted(rng.sample(all_slugs, rng.randint(1, 4)))
            text = _unique_title(rng, "lokalafdelingen", used)
            data = offer(rng, "Lokalafdelingen", slug, today, text)
            data["type"] = rng.choice(("samvaer", "besoegsven", "raadgivning", "paaroerende"))
            data["henvisning"] = ["egen-henvendelse"]
            data["dækning"] = coverage
            size += _write(out / "partners" / slug / f"{slugify(text)}-{branch + 1}.yaml", data)
            files += 1
            partner_offers += 1

    screens = _screens(out, register, departments)
    files += screens
    return Counts(
        scale=scale,
        municipalities=len(municipalities),
        regions=len(regions),
        municipal_offers=municipal_offers,
        partners=partners,
        partner_offers=partner_offers,
        contact_files=len(municipalities),
        department_files=departments,
        contact_roles=len(municipalities) * len(MUNICIPAL_ROLES) + departments + partners,
        screens=screens,
        files=files,
        bytes=size,
    )
