"""
The admin views: the list of rules (a snippet), and the full report on one page.

Wagtail's default snippet permissions apply to the rules: administrators may
add, change and delete them; Editors may view them (migration 0003), and so can
see what their pages are checked against. The report is open to anyone who may
edit the page.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet

from claims.checker import check_page
from claims.models import ClaimRule


class ClaimRuleViewSet(SnippetViewSet):
    model = ClaimRule
    icon = "warning"
    menu_label = "Advertising claims rules"
    inspect_view_enabled = True  # what Editors, who may only view, open
    copy_view_enabled = False
    list_display = ["phrase", "category", "reason", DateColumn("updated_at", label="Updated")]
    list_filter = ["category"]
    # Straight against the table: a handful of rows, findable the moment they are saved.
    search_fields = ["phrase", "reason", "suggestion"]
    search_backend_name = None
    panels = ["phrase", "category", "reason", "suggestion"]


class PageReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every finding in the latest saved version of a page (the draft, if there is one)."""

    template_name = "claims/page_report.html"
    page_title = "Advertising claims check"
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": self.edit_url, "label": self.page.get_admin_display_title()},
            {"url": "", "label": self.page_title},
        ]

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["findings"] = check_page(self.page.get_latest_revision_as_object())
        context["page"] = self.page
        context["edit_url"] = self.edit_url
        if self.request.user.has_perm("claims.view_claimrule"):
            context["rules_url"] = reverse(ClaimRule.snippet_viewset.get_url_name("list"))
        return context
