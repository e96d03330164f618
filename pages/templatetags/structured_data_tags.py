"""``{% structured_data %}``: the page's JSON-LD (pages/structured_data.py), in the head of every page."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from clinic.hours import opening_hours_specification
from clinic.models import ClinicSettings
from pages.models import BasePage
from pages.structured_data import as_script, page_graph

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, breadcrumbs=()):
    """
    Built from the page, its breadcrumbs and what it lists, the clinic's
    details and the closures of the year ahead: kept with the page until the
    next change (``BasePage.kept``), for each address the site answers to
    (the graph's links are absolute) and each day (the closures start today).
    """
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, BasePage) or request is None:
        return ""

    def build():
        clinic = ClinicSettings.for_request(request)
        graph = page_graph(
            request,
            page,
            clinic,
            breadcrumbs=breadcrumbs,
            related_treatments=context.get("treatments") or (),
            opening_hours=opening_hours_specification(clinic, today=today),
        )
        return format_html('<script type="application/ld+json">{}</script>', as_script(graph))

    today = timezone.localdate()
    return page.kept(request, f"structured-data:{request.scheme}://{request.get_host()}:{today}", build)
