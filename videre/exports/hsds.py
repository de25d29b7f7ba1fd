"""Open Referral HSDS 3.0 export: the same records in the international format.

Organisations are the municipalities and the partner associations; services
are the offers, each with its organisation, contacts, phones, schedules,
languages, service areas, places (locations and service_at_location) and
attributes for every coded field, each carrying its taxonomy term.

Ids are UUIDv5 values derived from our slugs under one fixed namespace, so the
same record keeps the same id in every export. ``assured_date`` is the date a
person last confirmed the record (``sidst_bekræftet``); an example has none,
so it has no ``assured_date``. Output is
deterministic: sorted, no timestamps.

The export validates against the official compiled schemas
(``organization_package``, ``service_package``, ``service_at_location_package``).
"""

from __future__ import annotations

import hashlib
import uuid
from functools import cache
from typing import Any

from ..catalog.catalog import Catalog
from ..catalog.freshness import Review, review_for
from ..core import fields, jsonfmt, urls, vocab
from ..core.model import Contact, MunicipalContacts, Offer, Partner, confirmed
from ..core.options import SiteOptions
from ..core.text import plain
from ..kinds.register import Register

NAMESPACE = uuid.UUID("3dae44ad-2847-5005-8f4b-a70dd80c844f")
"""uuid5(NAMESPACE_URL, 'https://videre.example.org/hsds/'). Never change it: every id depends on it."""
_NAMESPACE_BYTES = NAMESPACE.bytes

HSDS_VERSION = "3.0"
FILES = ("organizations", "services", "service_at_locations")
"""The export files, ``hsds/<name>.json``; each is a list of objects (an HSDS package)."""

LANGUAGE_CODES = {"sgn": "dsl"}
"""Our language codes that differ from ISO 639: Danish Sign Language is 'dsl' (ISO 639-3)."""

TAXONOMIES = tuple((f, f.taxonomy) for f in fields.table(Offer) if f.taxonomy is not None)
"""(row, taxonomy) for the offer's coded fields that are HSDS taxonomies, from its field table: the row's key
is the taxonomy's slug, its code list the terms."""


def uid(*parts: str) -> str:
    """A stable UUIDv5 from slugs, e.g. ``uid('service', 'esbjerg/genoptraening')``.

    The same value as ``str(uuid.uuid5(NAMESPACE, name))`` (RFC 4122, section 4.3), without
    building a UUID object: the export makes about 200,000 ids at national scale.
    """
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional values: HSDS treats a missing field as unknown, an empty one as a claim."""
    return {k: v for k, v in obj.items() if v not in ("", None, [], {})}


# ---------------------------------------------------------------- organisations


def _municipality_org_id(slug: str) -> str:
    return uid("organization", "kommune", slug)


def _partner_org_id(slug: str) -> str:
    return uid("organization", "forening", slug)


def _owner_org_id(offer: Offer) -> str:
    return _municipality_org_id(offer.owner) if offer.owner_kind == "kommune" else _partner_org_id(offer.owner)


def _phone(key: str, number: str, **links: str) -> dict[str, Any]:
    return {"id": uid("phone", key), **links, "number": number, "type": "voice"}


def _contact(key: str, contact: Contact, **links: str) -> dict[str, Any]:
    contact_id = uid("contact", key)
    # The contact's phone gets its own id: a service with the same number has a phone of its own too.
    phones = [_phone(f"contact/{key}", contact.phone, contact_id=contact_id)] if contact.phone else []
    return _clean(
        {
            "id": contact_id,
            **links,
            "title": contact.role,
            "department": contact.unit,
            "email": contact.email or contact.secure_mail,
            "phones": phones,
        }
    )


def _municipal_contacts(slug: str, record: MunicipalContacts | None, org_id: str) -> list[dict[str, Any]]:
    if record is None:
        return []
    roles = (
        ("gop_modtager", record.gop_receiver),
        ("frivilligkoordinator", record.volunteer_coordinator),
        ("koordinerende_kontaktperson_depression", record.depression_coordinator),
    )
    return [
        _contact(f"kommune/{slug}/{field}", contact, organization_id=org_id)
        for field, contact in roles
        if contact is not None
    ]


def _organization(catalog: Catalog, kind: str, slug: str, options: SiteOptions) -> dict[str, Any]:
    register = catalog.register
    if kind == "kommune":
        m = register.municipality(slug)
        org_id = _municipality_org_id(slug)
        contacts = catalog.contacts.get(slug)
        return _clean(
            {
                "id": org_id,
                "name": f"{m.name} Kommune",
                "description": f"{m.name} Kommune i {register.region(m.region).name}.",
                "uri": options.site_url + urls.municipality_page(slug),
                "contacts": _municipal_contacts(slug, contacts, org_id),
                "organization_identifiers": [
                    {
                        "id": uid("organization_identifier", "kommune", slug),
                        "organization_id": org_id,
                        "identifier_type": "Kommunekode",
                        "identifier": f"{m.code:03d}",
                    }
                ],
            }
        )
    partner: Partner = catalog.partner(slug)
    org_id = _partner_org_id(slug)
    contact = partner.contact
    return _clean(
        {
            "id": org_id,
            "name": partner.name,
            "alternate_name": partner.short_name,
            "description": plain(partner.description),
            "website": partner.web,
            "email": contact.email if contact else "",
            "uri": f"{options.site_url}{partner.url}",
            "contacts": [_contact(f"forening/{slug}", contact, organization_id=org_id)] if contact else [],
        }
    )


# ---------------------------------------------------------------- services


def _term(taxonomy: str, name: str, code: str, label: str) -> dict[str, Any]:
    term_id, taxonomy_id = _term_ids(taxonomy, code)
    return {
        "id": term_id,
        "code": code,
        "name": label,
        "description": f"{name}: {label}",
        "taxonomy": name,
        "taxonomy_id": taxonomy_id,
        "language": "da",
    }


@cache
def _term_ids(taxonomy: str, code: str) -> tuple[str, str]:
    """A term's id and its taxonomy's: a few dozen pairs, asked for 50,000 times at national scale."""
    return uid("taxonomy_term", taxonomy, code), uid("taxonomy", taxonomy)


def _attributes(offer: Offer, service_id: str) -> list[dict[str, Any]]:
    attributes = []
    for row, taxonomy in TAXONOMIES:
        for code in row.coded_values(offer):
            term = _term(row.name, taxonomy.name, code, vocab.label(row.codes, code))
            attributes.append(
                {
                    "id": uid("attribute", offer.id, row.name, code),
                    "link_id": service_id,
                    "link_type": taxonomy.link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": term["id"],
                    "value": code,
                    "taxonomy_term": term,
                }
            )
    return attributes


def taxonomy_terms() -> list[dict[str, Any]]:
    """Every taxonomy term we use, for consumers that want the full code lists."""
    return [
        _term(row.name, taxonomy.name, code, label) for row, taxonomy in TAXONOMIES for code, label in row.codes.items()
    ]


def _area_name(code: str, register: Register) -> str:
    if code == vocab.NATIONWIDE:
        return "Hele Danmark"
    if code.startswith("region-"):
        region = register.region(code.removeprefix("region-"))
        now = _region_now(code, register)
        if now and now != region.name:  # a region that has merged: name its area and the region it is in now
            return f"{region.name}s område (nu {now})"
        return region.name
    return f"{register.municipality(code).name} Kommune"


def _region_now(code: str, register: Register) -> str:
    """The name of the region in force on the build date that holds the whole area of a region code."""
    holder = register.holder(code.removeprefix("region-"))
    return register.region(holder).name if holder else ""


def _region_of(offer: Offer, register: Register) -> str:
    """The region (in force on the build date) an offer's place lies in, when the coverage makes it certain."""
    if len(offer.coverage) != 1 or offer.coverage[0] == vocab.NATIONWIDE:
        return ""
    code = offer.coverage[0]
    if code.startswith("region-"):
        return _region_now(code, register)
    return register.region(register.municipality(code).region).name


def _location(offer: Offer, register: Register) -> dict[str, Any] | None:
    place = offer.place
    if not place.one_line():
        return None
    location_id = uid("location", offer.id)
    region = _region_of(offer, register)
    addresses = []
    if place.address and place.city and place.postcode and region:
        addresses.append(
            {
                "id": uid("address", offer.id),
                "location_id": location_id,
                "address_1": place.address,
                "city": place.city,
                "state_province": region,
                "postal_code": place.postcode,
                "country": "DK",
                "address_type": "physical",
            }
        )
    return _clean(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": _owner_org_id(offer),
            "name": place.name or offer.title,
            "description": place.one_line(),
            "addresses": addresses,
        }
    )


def _service_at_location(offer: Offer, service_id: str, location: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": uid("service_at_location", offer.id),
        "service_id": service_id,
        "location_id": location["id"],
        "location": location,
    }


def _service(offer: Offer, catalog: Catalog, options: SiteOptions, review: Review) -> dict[str, Any]:
    service_id = uid("service", offer.id)
    register = catalog.register
    contact = offer.contact
    location = _location(offer, register)
    fresh = review(offer)
    checked = confirmed(offer)
    eligibility = offer.target_text or ", ".join(vocab.label(vocab.PROBLEMS, p) for p in offer.problems)
    routes = "; ".join(vocab.label(vocab.REFERRAL_ROUTES, r) for r in offer.routes)
    return _clean(
        {
            "id": service_id,
            "organization_id": _owner_org_id(offer),
            "name": offer.title,
            "description": plain(offer.description),
            "url": offer.link or f"{options.site_url}{offer.url}",
            "email": contact.email or contact.secure_mail,
            "status": "active",
            "application_process": " ".join(p for p in (routes + ".", plain(offer.how_to_refer)) if p.strip(" .")),
            "fees_description": offer.cost,
            "eligibility_description": eligibility,
            "minimum_age": offer.age_from,
            "maximum_age": offer.age_to if offer.age_to < 120 else None,
            "assured_date": checked.date.isoformat() if checked is not None else None,  # examples: absent
            "alert": fresh.warning if fresh is not None else "",
            "phones": [_phone(f"service/{offer.id}", contact.phone, service_id=service_id)] if contact.phone else [],
            "schedules": [{"id": uid("schedule", offer.id), "service_id": service_id, "description": offer.hours}]
            if offer.hours
            else [],
            "service_areas": [
                {
                    "id": uid("service_area", offer.id, code),
                    "service_id": service_id,
                    "name": _area_name(code, register),
                }
                for code in offer.coverage
            ],
            "service_at_locations": [_service_at_location(offer, service_id, location)] if location else [],
            "languages": [
                {
                    "id": uid("language", offer.id, code),
                    "service_id": service_id,
                    "name": vocab.label(vocab.LANGUAGES, code),
                    "code": LANGUAGE_CODES.get(code, code),
                }
                for code in offer.languages
            ],
            "contacts": [_contact(f"service/{offer.id}", contact, service_id=service_id)],
            "attributes": _attributes(offer, service_id),
        }
    )


# ---------------------------------------------------------------- the export


def export(catalog: Catalog, options: SiteOptions) -> dict[str, list[dict[str, Any]]]:
    """The three HSDS tables, keyed by file name.

    Files follow HSDS's base table schemas: an organisation does not repeat its services, and a
    service-at-location does not repeat its service; the ids link them. (The compiled schemas nest those
    for an API response; this site has no API.) A service carries its organisation, which the base
    service schema allows, so one file answers "who runs this"."""
    review = review_for(options)
    offers = sorted(catalog.all_offers(), key=lambda o: o.id)
    partners = sorted(catalog.partners, key=lambda p: p.slug)
    owners = [("kommune", m.slug) for m in sorted(catalog.register.municipalities, key=lambda m: m.slug)]
    owners += [("partner", p.slug) for p in partners]
    organizations = [_organization(catalog, kind, slug, options) for kind, slug in owners]
    by_org = {org["id"]: org for org in organizations}
    services = [_service(offer, catalog, options, review) for offer in offers]
    for service in services:
        service["organization"] = by_org[service["organization_id"]]
    at_locations = [sal for service in services for sal in service.get("service_at_locations", [])]
    return {"organizations": organizations, "services": services, "service_at_locations": at_locations}


def _dump(value: Any) -> str:
    return jsonfmt.dumps(value)  # one record per line; indent=1 ran in pure Python and cost seconds


def hsds_files(catalog: Catalog, options: SiteOptions) -> dict[str, str]:
    """``hsds/<name>.json`` for each package, plus the taxonomy terms (at :func:`hsds_paths`)."""
    packages = export(catalog, options)
    texts = [_dump(packages[name]) for name in FILES] + [_dump(taxonomy_terms())]
    return dict(zip(hsds_paths(), texts))


def hsds_paths() -> list[str]:
    """Where :func:`hsds_files` puts its files, known before they are made."""
    return [f"hsds/{name}.json" for name in (*FILES, "taxonomy_terms")]


def hsds_json(catalog: Catalog, options: SiteOptions) -> str:
    """Everything in one JSON object, for ``videre eksport --format hsds`` to standard output."""
    return _dump({"hsds_version": HSDS_VERSION, **export(catalog, options), "taxonomy_terms": taxonomy_terms()})
