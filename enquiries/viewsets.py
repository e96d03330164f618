"""
The enquiries inbox in the Wagtail admin, at /admin/enquiries/.

Enquiries are registered as a snippet because Wagtail 8 gives bulk actions
(assign to me, mark as spam, close) only to snippet listings; everything else is
Wagtail's own ModelViewSet machinery: filters, inspect view, history, export.

Every admin view of the inbox is here: the listing, the detail (inspect) view,
the triage edit form and the small actions on one enquiry; the bulk actions are
in ``bulk_actions.py``. Only staff with the enquiry permissions (the "Reception"
group, administrators) see any of it. Patients' words are shown, escaped, and never edited: the edit
form holds the triage fields alone, and nobody can add an enquiry here. Every
detail view, change, export and deletion is written to Wagtail's log.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaks_filter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views import View

from wagtail.actions.edit import EditAction
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from clinic import phone
from enquiries.filters import EnquiryFilterSet
from enquiries.forms import NoteForm, TriageForm
from enquiries.models import Enquiry, EnquiryNote, EnquirySettings, Status
from enquiries.working_days import add_working_days

# Characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe, and stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class EnquiryIndexView(IndexView):
    def get(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm("enquiries.export_enquiry"):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    @cached_property
    def reply_within_working_days(self):
        return EnquirySettings.for_request(self.request).reply_within_working_days

    def get_base_queryset(self):
        overdue = Enquiry.objects.overdue(self.reply_within_working_days).filter(pk=OuterRef("pk"))
        return super().get_base_queryset().select_related("assignee").annotate(is_overdue=Exists(overdue))

    def order_queryset(self, queryset):
        if self.ordering:
            return super().order_queryset(queryset)
        # Urgent first, then the oldest of those still waiting for a reply.
        return queryset.order_by("-urgent", F("first_answered_at").asc(nulls_first=True), "created_at", "pk")

    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm("enquiries.export_enquiry") and bool(self.list_export)

    def preprocess_field_value(self, field, value, export_format):
        if field == "phone":
            value = phone.display(value)
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def search_queryset(self, queryset):
        """Wagtail's search of the listed fields, plus the number however it was typed (020…, +44 20…)."""
        found = super().search_queryset(queryset)
        if digits := phone.digits_to_search_for(self.search_query):
            found |= queryset.filter(phone__contains=digits)
        return found

    def as_spreadsheet(self, queryset, spreadsheet_format):
        enquiries = list(queryset)
        # The search words may be a patient's name or address, and log entries outlive
        # the enquiries (retention, erasure): record only that a search was used.
        filters = {key: value for key, value in self.request.GET.lists() if key not in {"export", "q"}}
        if self.request.GET.get("q"):
            filters["search"] = True
        for enquiry in enquiries:
            log(
                enquiry,
                "enquiries.export",
                user=self.request.user,
                data={"format": spreadsheet_format, "filters": filters, "rows": len(enquiries)},
            )
        return super().as_spreadsheet(enquiries, spreadsheet_format)


class EnquiryInspectView(InspectView):
    template_name = "enquiries/admin/inspect.html"

    def get(self, request, *args, **kwargs):
        log(self.object, "enquiries.view", user=request.user)
        if self.object.first_opened_at is None and self.user_has_permission("change"):
            Enquiry.objects.filter(pk=self.object.pk).update(first_opened_at=timezone.now())
        return super().get(request, *args, **kwargs)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return value

    def get_message_display_value(self):
        return linebreaks_filter(self.object.message, autoescape=True)

    def get_phone_display_value(self):
        if not self.object.phone:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', phone.tel_href(self.object.phone), phone.display(self.object.phone)
        )

    def get_urgent_display_value(self):
        return "Yes: the patient said an urgent warning sign applies" if self.object.urgent else "No"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        viewset = self.model.snippet_viewset
        can_add_notes = self.request.user.has_perm("enquiries.add_enquirynote")
        working_days = EnquirySettings.for_request(self.request).reply_within_working_days
        context.update(
            {
                "notes": self.object.notes.select_related("author"),
                "note_form": NoteForm() if can_add_notes else None,
                "add_note_url": reverse(viewset.get_url_name("add_note"), args=[quote(self.object.pk)]),
                "not_spam_url": reverse(viewset.get_url_name("not_spam"), args=[quote(self.object.pk)]),
                "can_change": self.user_has_permission("change"),
                "history": ModelLogEntry.objects.for_instance(self.object).select_related("user")[:50],
                "overdue": Enquiry.objects.overdue(working_days).filter(pk=self.object.pk).exists(),
                "reply_due_at": add_working_days(self.object.created_at, working_days),
                "emails": self.object.emails.all(),
                "counts_as_spam": Enquiry.objects.spam().filter(pk=self.object.pk).exists(),
            }
        )
        return context


class EnquiryEditView(EditView):
    """Wagtail's edit view, logging what changed rather than just "Edited"."""

    def save_instance(self):
        changes = {
            name: [
                describe(name, self.form.initial.get(name)),
                describe(name, self.form.cleaned_data.get(name)),
            ]
            for name in self.form.changed_data
        }
        EditAction(self.form.instance, user=self.request.user, form=self.form, log_action=False).execute(
            skip_permission_checks=True
        )
        log(self.form.instance, "enquiries.triage", user=self.request.user, data={"changes": changes})
        return self.form.instance


def describe(field_name, value):
    """A value as staff read it: a choice's label, a colleague's name, or "—"."""
    if value in (None, ""):
        return "—"
    field = Enquiry._meta.get_field(field_name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field_name == "assignee":
        user = value if hasattr(value, "get_username") else get_user_model().objects.filter(pk=value).first()
        return (user.get_full_name() or user.get_username()) if user else "—"
    return str(value)


class EnquiryActionView(View):
    http_method_names = ["post"]
    permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        self.enquiry = get_object_or_404(Enquiry, pk=unquote(str(kwargs["pk"])))
        return super().dispatch(request, *args, **kwargs)

    def back_to_enquiry(self):
        viewset = Enquiry.snippet_viewset
        return redirect(viewset.get_url_name("inspect"), self.enquiry.pk)


class AddNoteView(EnquiryActionView):
    permission_required = "enquiries.add_enquirynote"

    def post(self, request, pk):
        form = NoteForm(request.POST)
        if form.is_valid():
            note = EnquiryNote.objects.create(
                enquiry=self.enquiry, author=request.user, text=form.cleaned_data["text"]
            )
            # The note's text stays out of the log: it may hold health information.
            log(self.enquiry, "enquiries.note", user=request.user, data={"note_id": note.pk})
            messages.success(request, "Note added.")
        else:
            messages.error(request, " ".join(form.errors["text"]))
        return self.back_to_enquiry()


class NotSpamView(EnquiryActionView):
    permission_required = "enquiries.change_enquiry"

    def post(self, request, pk):
        if not policy_registry.get_by_type(Enquiry).user_has_permission_for_instance(
            request.user, "change", self.enquiry
        ):
            raise PermissionDenied
        self.enquiry.status = Status.NEW
        self.enquiry.suspected_spam = False
        self.enquiry.save()
        log(self.enquiry, "enquiries.not_spam", user=request.user)
        messages.success(request, f"{self.enquiry.reference} is back in the inbox as a new enquiry.")
        return self.back_to_enquiry()


def urgent_label(enquiry):
    return "Urgent" if enquiry.urgent else ""


def overdue_label(enquiry):
    return "Overdue" if getattr(enquiry, "is_overdue", False) is True else ""


class EnquiryViewSet(SnippetViewSet):
    model = Enquiry
    admin_url_namespace = "enquiry_admin"
    base_url_path = "enquiries"
    icon = "mail"
    menu_label = "Enquiries"
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    edit_view_class = EnquiryEditView
    filterset_class = EnquiryFilterSet
    # Straight against the table, so an enquiry is findable the moment it arrives.
    search_fields = ["reference", "name", "email", "phone", "message"]
    search_backend_name = None
    list_per_page = 50
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("outcome"), FieldPanel("assignee", heading="Assigned to")],
        base_form_class=TriageForm,
    )
    list_export = [
        "reference",
        "created_at",
        "status",
        "outcome",
        "urgent",
        "suspected_spam",
        "name",
        "email",
        "phone",
        "preferred_contact",
        "treatment_title",
        "message",
        "assignee",
        "first_opened_at",
        "first_answered_at",
        "closed_at",
    ]
    export_filename = "enquiries"
    inspect_view_fields = [
        "reference",
        "created_at",
        "urgent",
        "name",
        "email",
        "phone",
        "preferred_contact",
        "treatment_title",
        "message",
        "source_url",
        "privacy_notice_version",
        "suspected_spam",
        "status",
        "outcome",
        "assignee",
        "first_opened_at",
        "first_answered_at",
        "closed_at",
    ]

    @cached_property
    def list_display(self):
        return [
            TitleColumn(
                "reference",
                label="Reference",
                sort_key="reference",
                url_name="enquiry_admin:inspect",
                # Wagtail's checkbox column describes itself by this id.
                get_title_id=lambda enquiry: f"snippet_{quote(enquiry.pk)}_title",
            ),
            Column("urgent", label="Urgent", sort_key="urgent", accessor=urgent_label),
            DateColumn("created_at", label="Received", sort_key="created_at"),
            Column("name", label="Name"),
            Column("treatment_title", label="Treatment"),
            Column("status", label="Status", accessor="get_status_display", sort_key="status"),
            UserColumn("assignee", label="Assigned to"),
            Column("overdue", label="Overdue", accessor=overdue_label),
        ]

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        class EnquiriesMenuItem(base):
            """Shows how many new enquiries are waiting, e.g. "Enquiries (3 new)"."""

            def render_component(self, request):
                component = super().render_component(request)
                waiting = Enquiry.objects.new().count()
                if waiting:
                    component.label = f"{component.label} ({waiting} new)"
                return component

        return EnquiriesMenuItem

    def register_chooser_viewset(self):
        """
        No chooser: nothing links to an enquiry, and Wagtail's snippet chooser
        would let any admin user search patients' messages.
        """

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("notes/<str:pk>/", AddNoteView.as_view(), name="add_note"),
            path("not-spam/<str:pk>/", NotSpamView.as_view(), name="not_spam"),
        ]
