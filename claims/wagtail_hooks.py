"""Registers the rules snippet, the warning after saving a page, and the report on a page's claims."""

from django.urls import path

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from claims import editor
from claims.views import ClaimRuleViewSet, PageReportView

register_snippet(ClaimRuleViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_risky_claims(request, page):
    editor.warn_after_saving(request, page)


@hooks.register("register_page_header_buttons")
def claims_report_button(page, user, view_name, next_url=None):
    if view_name == "edit" and (button := editor.report_button(page, user)):
        yield button


@hooks.register("register_admin_urls")
def claims_report_url():
    return [path("claims/pages/<int:page_id>/", PageReportView.as_view(), name="claims_page_report")]
