"""Site navigation: the main menu and the breadcrumb trail, from one query kept until the next change."""

from dataclasses import dataclass, field

from django import template
from django.db.models import Q

from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import pageurl

from pagecache.shared_data import remember

register = template.Library()


@dataclass
class Navigation:
    menu: list = field(default_factory=list)
    breadcrumbs: list = field(default_factory=list)

    @property
    def marks(self):
        """Which menu item is the current page and which holds it: all the menu varies on."""
        current = next((number for number, item in enumerate(self.menu) if item.is_current), "")
        section = next((number for number, item in enumerate(self.menu) if item.in_section), "")
        return f"{current}-{section}"


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """
    The menu (home plus its live children marked "show in menus") and the
    current page's ancestors from home down, each with its ``href``, and with
    ``is_current``/``in_section`` set on menu items. The home page itself gets
    no breadcrumbs.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return Navigation()
    root = site.root_page
    current = context.get("page")
    steplen = Page.steplen
    on_this_site = current is not None and current.path.startswith(root.path)
    trail_paths = (
        [current.path[:end] for end in range(len(root.path), len(current.path), steplen)]
        if on_this_site
        else []
    )

    def build():
        pages = list(
            Page.objects.filter(
                Q(path__in=[root.path, *trail_paths])
                | Q(path__startswith=root.path, depth=root.depth + 1, live=True, show_in_menus=True)
            )
            .only("path", "depth", "title", "url_path", "live", "show_in_menus", "locale_id")
            .order_by("path")
        )
        for page in pages:
            page.href = page.get_url(request)  # as {% pageurl %} gives it, on this site
        return pages

    pages = remember(request, f"navigation:{site.pk}:{current.path if on_this_site else ''}", build)
    home = next((page for page in pages if page.pk == root.pk), root)
    menu = [home] + [
        page for page in pages if page.depth == root.depth + 1 and page.show_in_menus and page.live
    ]
    for item in menu:
        item.is_current = current is not None and item.pk == current.pk
        item.in_section = (
            on_this_site and not item.is_current and item is not home and current.path.startswith(item.path)
        )
    breadcrumbs = [page for page in pages if page.path in trail_paths]
    return Navigation(menu=menu, breadcrumbs=breadcrumbs)


@register.simple_tag(takes_context=True)
def page_href(context, page):
    """``{% pageurl page %}``, or the ``href`` a kept list gave the page (``BasePage.kept``)."""
    href = getattr(page, "href", None)
    return pageurl(context, page) if href is None else href
