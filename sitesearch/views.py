"""
The site search: patients look for a treatment, a condition or a practitioner.

Every live page on the current site that a member of the public may see is
searched, whatever its type, through Wagtail's search index (PostgreSQL
full-text search, kept up to date as pages are published). Nothing here names a
page type: a new one is found as soon as it declares ``search_fields``, and its
summary is shown as soon as it has one.

Whatever arrives in ``q`` gets a normal page: control characters (NUL among
them, which PostgreSQL refuses in text) are dropped, and only the first
``MAX_QUERY_LENGTH`` characters are searched and shown back.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site, get_page_models

from pagecache.shared_data import remember
from pages.models import TreatmentIndexPage
from pages.visibility import is_restricted, public_only

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# More than a clinic's site will ever publish: every result is read in one
# query and the pages of ten are made from the list, where a paginator over the
# search would ask twice (its count, then its page).
MAX_RESULTS = 1000
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Result:
    page: Page
    summary: str
    kind: str


def clean_query(text):
    """What the patient typed, on one line, at most ``MAX_QUERY_LENGTH`` characters."""
    # Cut first, so a huge query costs no more than a short one.
    words = CONTROL_CHARACTERS.sub(" ", text[: MAX_QUERY_LENGTH * 2]).split()
    return " ".join(words)[:MAX_QUERY_LENGTH].rstrip()


def words_to_search(query):
    """
    The query as the search backend is given it, or "" if nothing in it could
    match a word. Double quotes mean nothing to a plain-text search, and the
    SQLite backend (``make run``) fails on an unbalanced one.
    """
    words = query.replace('"', " ")
    return words if any(character.isalnum() for character in words) else ""


def restricted_page_ids():
    """Every page a view restriction covers (``pages.visibility``), by id."""
    return list(Page.objects.filter(is_restricted()).values_list("pk", flat=True))


def searchable_pages(site, request):
    """
    The live pages of ``site`` that anyone may see. The restricted ones are
    kept in the shared cache with the rest of the site's data (any change to a
    view restriction, a move or a publish forgets them): the search backend
    only takes filters on indexed fields, so the rule goes in as a list of ids,
    usually empty, rather than as the subquery it is.
    """
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    restricted = remember(request, "restricted-page-ids", restricted_page_ids)
    return pages.exclude(pk__in=restricted) if restricted else pages


def all_summaries():
    """
    Every live page's summary by id, in one query whatever the pages' types.

    A summary is a field of each page type's own table, so Wagtail's
    ``specific()`` would ask once per type on the results page; a union of the
    tables that have one asks once. It is kept in the shared cache with the
    rest of the site's data (a publish forgets it), so a search usually asks
    for nothing but its results: one list for the site, however many searches.
    """
    tables = set()
    for model in get_page_models():
        try:
            tables.add(model._meta.get_field("summary").model)
        except FieldDoesNotExist:
            continue
    queries = [
        model.objects.filter(live=True).exclude(summary="").order_by().values_list("pk", "summary")
        for model in sorted(tables, key=lambda model: model._meta.label)
    ]
    if not queries:
        return {}
    return dict(queries[0].union(*queries[1:], all=True))


def describe(pages, request):
    """Title, summary (else the search description) and kind of each page found."""
    found = remember(request, "search-summaries", all_summaries)
    return [
        Result(
            page=page,
            summary=found.get(page.pk) or page.search_description,
            kind=capfirst(page.specific_class._meta.verbose_name) if page.specific_class else "Page",
        )
        for page in pages
    ]


def treatments_page(site):
    """Where a patient who found nothing can browse the treatments instead."""
    return public_only(TreatmentIndexPage.objects.live().descendant_of(site.root_page)).first()


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    words = words_to_search(query)
    site = Site.find_for_request(request)
    page_of_results = None
    if words and site:
        results = list(searchable_pages(site, request).search(words, operator="and")[:MAX_RESULTS])
        page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    count = page_of_results.paginator.count if page_of_results else 0
    context = {
        "query": query,
        "max_query_length": MAX_QUERY_LENGTH,
        "page_of_results": page_of_results,
        "results": describe(list(page_of_results), request) if count else [],
        "count": count,
        "treatments_page": treatments_page(site) if query and not count and site else None,
    }
    response = render(request, "sitesearch/search.html", context)
    # What people search for can say something about their health: no shared
    # cache keeps it (the page cache never keeps it either: it is not a page),
    # and search engines do not index results pages.
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response
