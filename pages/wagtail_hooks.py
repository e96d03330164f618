"""
Wagtail admin hooks for the public pages: the content checker editors see in
the userbar, and the "Pages due for review" report.
"""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from pages.views import PagesDueForReviewView


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


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/pages-due-for-review/", PagesDueForReviewView.as_view(), name="pages_due_for_review"),
        path(
            "reports/pages-due-for-review/results/",
            PagesDueForReviewView.as_view(results_only=True),
            name="pages_due_for_review_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        "Pages due for review",
        reverse("pages_due_for_review"),
        name="pages-due-for-review",
        icon_name="time",
        order=50,
    )
