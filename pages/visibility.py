"""
Which pages a member of the public may see, answered inside other queries.

Wagtail's ``PageQuerySet.public()`` and ``Page.get_view_restrictions()`` each
cost a query of their own on every request. These express the same rule as a
subquery, so a listing or the page lookup can carry it for free: a page is
restricted when it or any ancestor has a view restriction, and an ancestor that
is an alias takes the restrictions of the page it copies.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Left, Length

from wagtail.models import PageViewRestriction


def restrictions_covering(path):
    """View restrictions on the page at ``path`` (a value or ``OuterRef``) or any of its ancestors."""
    return PageViewRestriction.objects.filter(
        Q(page__alias_of__isnull=True, page__path=Left(path, Length("page__path")))
        | Q(page__aliases__path=Left(path, Length("page__aliases__path")))
    )


def is_restricted():
    """An annotation for page querysets: true when a view restriction covers the page."""
    return Exists(restrictions_covering(OuterRef("path")))


def public_only(queryset):
    """``queryset.public()`` without the extra query."""
    return queryset.exclude(is_restricted())
