"""The admin's "Pages due for review" report: health pages overdue, due soon or never reviewed."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from pages.review import DUE_SOON_DAYS, pages_for_review


class PagesDueForReviewView(ReportView):
    page_title = "Pages due for review"
    header_icon = "time"
    results_template_name = "pages/reports/pages_due_for_review_results.html"
    index_url_name = "pages_due_for_review"
    index_results_url_name = "pages_due_for_review_results"
    # Anyone who may edit pages may see which need reviewing.
    any_permission_required = ["add", "change", "publish"]
    model = Page
    list_export = [
        "title",
        "content_type_name",
        "owner_name",
        "last_reviewed",
        "next_review_due",
        "review_status",
    ]
    export_headings = {
        "title": "Page",
        "content_type_name": "Type",
        "owner_name": "Owner",
        "last_reviewed": "Last reviewed",
        "next_review_due": "Next review due",
        "review_status": "Status",
    }

    def get_filename(self):
        return f"pages-due-for-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        pages = pages_for_review()
        for page in pages:
            page.content_type_name = page._meta.verbose_name.capitalize()
            owner = page.page_owner
            page.owner_name = (owner.get_full_name() or owner.get_username()) if owner else ""
            page.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return pages

    def filter_queryset(self, queryset):
        return queryset

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["due_soon_days"] = DUE_SOON_DAYS
        return context
