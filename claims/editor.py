"""
The check in the page editor: a warning after each save, and a way to the full report.

The warning never stops a save. It lists the first few findings, each with its
reason and suggestion, and links to the report (``views.PageReportView``),
which lists them all and is also in the editor's "…" menu. Findings hold the
editor's own text, so everything is escaped by the templates.
"""

from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.admin.widgets import Button

from claims.checker import check_page

# Findings listed in the warning itself; the report has the rest.
FINDINGS_IN_WARNING = 3


def warn_after_saving(request, page):
    """Add a warning to the next admin page if the page just saved has risky wording."""
    if not request.accepts("text/html"):
        # Autosave and other background saves: the editor would see a pile of
        # warnings on the next page they open. Their next save shows it.
        return
    findings = check_page(page)
    if not findings:
        return
    messages.warning(
        request,
        render_to_string(
            "claims/saved_warning.html",
            {
                "count": len(findings),
                "findings": findings[:FINDINGS_IN_WARNING],
                "more": len(findings) - FINDINGS_IN_WARNING,
                "report_url": reverse("claims_page_report", args=[page.pk]),
            },
        ),
    )


def report_button(page, user):
    if page.permissions_for_user(user).can_edit():
        return Button(
            "Check advertising claims",
            reverse("claims_page_report", args=[page.pk]),
            icon_name="warning",
            priority=68,
        )
    return None
