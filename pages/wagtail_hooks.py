"""Wagtail admin hooks for the public pages: the content checker editors see in the userbar."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


class ClinicContentChecker(ContentCheckerItem):
    """
    Wagtail's checker (skipped heading levels, empty links and headings, poor
    alternative text, …) plus a missing alternative text, which health pages
    with images must never have.
    """

    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt"]


@hooks.register("construct_wagtail_userbar")
def use_the_clinics_content_checker(request, items, page):
    items[:] = [
        ClinicContentChecker(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
