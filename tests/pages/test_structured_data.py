"""
The JSON-LD in every page's head, read back as a search engine reads it: the
types each kind of page declares, and the properties they require.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page

from pages.models import ConditionPage
from pages.structured_data import as_script, postal_address


def graph(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, url
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def nodes(graph, type_):
    return [node for node in graph if node["@type"] == type_]


def the(graph, type_):
    (node,) = nodes(graph, type_)
    return node


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/treatments/",
        "/treatments/osteopathy/",
        "/conditions/",
        "/conditions/sciatica/",
        "/team/anya-patel/",
    ],
)
def test_every_page_names_the_clinic_with_its_contact_details(client, demo_site, url):
    clinic = the(graph(client, url), "MedicalClinic")

    assert clinic["@id"] == "http://testserver/#clinic"
    assert clinic["name"] == "Clayhall Osteopaths"
    assert clinic["telephone"] == "+442082204254"
    assert clinic["email"] == "info@clayhallosteopath.com"
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "GB",
        "postalCode": "IG5 0LG",
        "addressLocality": "Ilford",
        "streetAddress": "24 Clayhall Avenue, Clayhall",
    }


def test_the_clinic_declares_its_opening_hours_and_closures(client, demo_site):
    clinic = the(graph(client, "/contact/"), "MedicalClinic")

    weekdays = clinic["openingHoursSpecification"][0]
    assert weekdays["@type"] == "OpeningHoursSpecification"
    assert weekdays["dayOfWeek"][0] == "https://schema.org/Monday"
    assert weekdays["opens"] and weekdays["closes"]
    assert isinstance(clinic["specialOpeningHoursSpecification"], list)


def test_a_treatment_is_a_medical_therapy_on_a_reviewed_medical_web_page(client, demo_site):
    data = graph(client, "/treatments/osteopathy/")

    therapy = the(data, "MedicalTherapy")
    assert therapy["name"] == "Osteopathy"
    assert therapy["url"] == "http://testserver/treatments/osteopathy/"
    assert therapy["description"]
    page = the(data, "MedicalWebPage")
    assert page["about"] == {"@id": therapy["@id"]}
    assert page["lastReviewed"]
    reviewer = page["reviewedBy"]
    assert reviewer["@type"] == "Person" and reviewer["name"] == "Anya Patel"
    assert reviewer["memberOf"] == {
        "@type": "Organization",
        "name": "General Osteopathic Council",
        "url": "https://www.osteopathy.org.uk/",
    }


def test_a_condition_is_a_medical_condition_with_the_treatments_that_may_help(client, demo_site):
    data = graph(client, "/conditions/sciatica/")

    condition = the(data, "MedicalCondition")
    assert condition["name"] == "Sciatica"
    assert [treatment["name"] for treatment in condition["possibleTreatment"]] == [
        "Osteopathy",
        "Medical acupuncture (trigger point dry needling)",
    ]
    assert all(treatment["@type"] == "MedicalTherapy" for treatment in condition["possibleTreatment"])
    assert the(data, "MedicalWebPage")["about"] == {"@id": condition["@id"]}


def test_a_practitioner_is_a_person_who_is_a_member_of_their_regulator(client, demo_site):
    person = the(graph(client, "/team/anya-patel/"), "Person")

    assert person["jobTitle"] == "Osteopath"
    assert person["memberOf"]["name"] == "General Osteopathic Council"
    assert person["identifier"]["value"] == "Demo 0001"
    assert person["worksFor"] == {"@id": "http://testserver/#clinic"}
    assert {credential["name"] for credential in person["hasCredential"]} >= {"MOst (Master of Osteopathy)"}


def test_faq_blocks_become_an_faq_page(client, demo_site):
    faq = the(graph(client, "/treatments/medical-acupuncture/"), "FAQPage")

    assert faq["mainEntity"]
    for question in faq["mainEntity"]:
        assert question["@type"] == "Question" and question["name"]
        assert question["acceptedAnswer"]["@type"] == "Answer"
        assert "<" not in question["acceptedAnswer"]["text"]


def test_pages_below_home_have_their_breadcrumbs(client, demo_site):
    data = graph(client, "/conditions/sciatica/")

    crumbs = the(data, "BreadcrumbList")["itemListElement"]
    assert [(crumb["position"], crumb["name"]) for crumb in crumbs] == [
        (1, "Home"),
        (2, "Conditions A to Z"),
        (3, "Sciatica"),
    ]
    assert crumbs[-1]["item"] == "http://testserver/conditions/sciatica/"
    assert nodes(graph(client, "/"), "BreadcrumbList") == []


def test_text_that_could_close_the_script_is_escaped(client, demo_site):
    ConditionPage.objects.filter(slug="sciatica").update(
        summary="Pain </script><script>alert(1)</script> & more"
    )

    html = client.get("/conditions/sciatica/").content.decode()

    assert "</script><script>alert(1)" not in html
    assert the(graph(client, "/conditions/sciatica/"), "MedicalCondition")["description"].startswith(
        "Pain </script>"
    )
    assert (
        as_script([{"a": "<&>"}])
        == '{"@context": "https://schema.org", "@graph": [{"a": "\\u003C\\u0026\\u003E"}]}'
    )


def test_an_address_without_a_postcode_keeps_its_lines():
    assert postal_address(["1 High Street"]) == {
        "@type": "PostalAddress",
        "addressCountry": "GB",
        "streetAddress": "1 High Street",
    }


@pytest.mark.parametrize("url", ["/", "/treatments/osteopathy/", "/conditions/sciatica/", "/team/"])
def test_each_page_names_its_canonical_address_and_how_to_show_it_when_shared(client, demo_site, url):
    head = BeautifulSoup(client.get(url).content, "html.parser").head

    canonical = head.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"http://localhost{url}"  # the Wagtail site's own address, not the host asked
    meta = {tag["property"]: tag["content"] for tag in head.select("meta[property]")}
    assert meta["og:url"] == canonical
    assert meta["og:site_name"] == "Clayhall Osteopaths"
    assert meta["og:title"] and meta["og:locale"] == "en_GB"
    assert meta["og:description"] == head.select_one('meta[name="description"]')["content"]


@pytest.mark.parametrize("url", ["/", "/treatments/osteopathy/"])
def test_a_page_with_a_picture_is_shared_with_it(client, demo_site, url):
    head = BeautifulSoup(client.get(url).content, "html.parser").head

    meta = {tag["property"]: tag["content"] for tag in head.select("meta[property]")}
    shared_image = r"https?://[^/]+/media/images/\S+\.fill-1200x630\.format-jpeg\.jpe?g"
    assert re.fullmatch(shared_image, meta["og:image"])
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    page = Page.objects.get(url_path=demo_site.url_path + url.removeprefix("/")).specific
    assert meta.get("og:image:alt", "") == page.social_image_alt


def test_a_page_without_a_picture_is_shared_without_one(client, demo_site):
    head = BeautifulSoup(client.get("/conditions/sciatica/").content, "html.parser").head

    assert head.select_one('meta[property="og:image"]') is None
