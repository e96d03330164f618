"""``{% structured_data %}``: the page's JSON-LD (pages/structured_data.py), in the head of every page."""

from django import template
from django.utils.html import format_html

from clinic.hours import opening_hours_specification
from clinic.models import ClinicSettings
from pages.models import BasePage
from pages.structured_data import as_script, page_graph

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, breadcrumbs=()):
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, BasePage) or request is None:
        return ""
    clinic = ClinicSettings.for_request(request)
    graph = page_graph(
        request,
        page,
        clinic,
        breadcrumbs=breadcrumbs,
        related_treatments=context.get("treatments") or (),
        opening_hours=opening_hours_specification(clinic),
    )
    return format_html('<script type="application/ld+json">{}</script>', as_script(graph))
