"""
schema.org structured data (JSON-LD) for search engines, built from the content
itself so nothing is typed twice: the clinic from Settings > Clinic details, a
treatment as a ``MedicalTherapy``, a condition as a ``MedicalCondition``, a
practitioner as a ``Person`` who is a member of their regulator, every health
page as a ``MedicalWebPage`` with its review, FAQ blocks as an ``FAQPage``, and
the breadcrumb trail as a ``BreadcrumbList``.

Everything is one ``@graph``; the clinic has an ``@id`` the other nodes point to.
"""

import json
import re

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.IGNORECASE)

# What json.dumps leaves that could end the script element or be read as markup.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script(graph):
    """The graph as the body of a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 -- every <, > and & is escaped above


def plain(html):
    return re.sub(r"\s+", " ", strip_tags(str(html))).strip()


def absolute(request, url):
    return request.build_absolute_uri(url) if url else url


def page_url(request, page):
    """A page's full address; through the request, which keeps Wagtail's site root paths for all of them."""
    return absolute(request, page.get_url(request))


def clinic_id(request):
    return absolute(request, "/") + "#clinic"


def postal_address(lines):
    """The clinic's address lines as a ``PostalAddress``: the street, the town, the postcode."""
    lines = list(lines)
    address = {"@type": "PostalAddress", "addressCountry": "GB"}
    if lines and UK_POSTCODE.match(lines[-1]):
        address["postalCode"] = lines.pop().upper()
    if len(lines) > 1:
        address["addressLocality"] = lines.pop()
    if lines:
        address["streetAddress"] = ", ".join(lines)
    return address


def medical_clinic(request, clinic, opening_hours=None):
    node = {
        "@type": "MedicalClinic",
        "@id": clinic_id(request),
        "name": clinic.name,
        "url": absolute(request, "/"),
        "telephone": clinic.phone.as_e164,
        "email": clinic.email,
        "medicalSpecialty": "Musculoskeletal",
    }
    if clinic.address_lines:
        node["address"] = postal_address(clinic.address_lines)
    if clinic.booking_url:
        node["potentialAction"] = {"@type": "ReserveAction", "target": clinic.booking_url}
    if opening_hours:
        node.update(opening_hours)
    return node


def regulator(practitioner):
    node = {"@type": "Organization", "name": practitioner.regulator_name}
    if practitioner.regulator_url:
        node["url"] = practitioner.regulator_url
    return node


def person(request, practitioner):
    node = {
        "@type": "Person",
        "@id": page_url(request, practitioner) + "#person",
        "name": practitioner.title,
        "url": page_url(request, practitioner),
        "jobTitle": practitioner.profession,
        "worksFor": {"@id": clinic_id(request)},
        "memberOf": regulator(practitioner),
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": f"{practitioner.regulator_name} registration number",
            "value": practitioner.registration_number,
        },
    }
    if practitioner.qualification_list:
        node["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "name": name}
            for name in practitioner.qualification_list
        ]
    return node


def therapy_reference(request, treatment):
    return {"@type": "MedicalTherapy", "name": treatment.title, "url": page_url(request, treatment)}


def medical_therapy(request, treatment):
    return {
        **therapy_reference(request, treatment),
        "description": treatment.summary,
        "@id": f"{page_url(request, treatment)}#therapy",
    }


def medical_condition(request, condition, treatments):
    return {
        "@type": "MedicalCondition",
        "@id": f"{page_url(request, condition)}#condition",
        "name": condition.title,
        "description": condition.summary,
        "url": page_url(request, condition),
        "possibleTreatment": [therapy_reference(request, treatment) for treatment in treatments],
    }


def medical_web_page(request, page, about_id):
    node = {
        "@type": "MedicalWebPage",
        "url": page_url(request, page),
        "name": page.seo_title or page.title,
        "about": {"@id": about_id},
        "publisher": {"@id": clinic_id(request)},
    }
    if page.summary:
        node["description"] = page.summary
    if page.last_reviewed:
        node["lastReviewed"] = page.last_reviewed.isoformat()
    if page.reviewed_by_id:
        node["reviewedBy"] = person(request, page.reviewed_by)
    return node


def faq_page(request, page):
    """The page's FAQ block, if it has one, as an ``FAQPage``."""
    questions = [
        {
            "@type": "Question",
            "name": item["question"],
            "acceptedAnswer": {"@type": "Answer", "text": plain(item["answer"])},
        }
        for block in getattr(page, "body", None) or ()
        if block.block_type == "faq"
        for item in block.value["items"]
    ]
    if not questions:
        return None
    return {"@type": "FAQPage", "url": page_url(request, page), "mainEntity": questions}


def breadcrumb_list(request, trail, page):
    items = [*trail, page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": item.title,
                "item": page_url(request, item),
            }
            for position, item in enumerate(items, start=1)
        ],
    }


def page_graph(request, page, clinic, breadcrumbs=(), related_treatments=(), opening_hours=None):
    """Every node for ``page``: the clinic, what the page is about, its FAQ and its breadcrumbs."""
    from pages.models import ConditionPage, HomePage, PractitionerPage, TreatmentPage

    graph = [medical_clinic(request, clinic, opening_hours)]
    if isinstance(page, TreatmentPage):
        therapy = medical_therapy(request, page)
        graph += [therapy, medical_web_page(request, page, therapy["@id"])]
    elif isinstance(page, ConditionPage):
        condition = medical_condition(request, page, related_treatments)
        graph += [condition, medical_web_page(request, page, condition["@id"])]
    elif isinstance(page, PractitionerPage):
        graph.append(person(request, page))
    if faq := faq_page(request, page):
        graph.append(faq)
    if not isinstance(page, HomePage) and breadcrumbs:
        graph.append(breadcrumb_list(request, breadcrumbs, page))
    return graph
