"""Site navigation: the main menu and breadcrumbs, each a single query."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Home plus the site root's live children marked "show in menus"."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    if site is None:
        return {"items": [], "request": request}
    root = site.root_page
    items = [{"page": root, "is_current": current is not None and current.pk == root.pk, "in_section": False}]
    for child in root.get_children().live().public().in_menu():
        is_current = current is not None and current.pk == child.pk
        in_section = current is not None and not is_current and current.path.startswith(child.path)
        items.append({"page": child, "is_current": is_current, "in_section": in_section})
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The trail from the home page to the page's parent; empty on the home page itself."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None or page.depth <= site.root_page.depth:
        return {"ancestors": [], "request": request}
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth)
    return {"ancestors": ancestors, "request": request}
