"""
The enquiries inbox in the Wagtail admin, at /admin/enquiries/.

Enquiries are registered as a snippet because Wagtail 8 gives bulk actions
(assign to me, mark as spam, close) only to snippet listings; everything else is
Wagtail's own ModelViewSet machinery: filters, inspect view, history, export.

Every admin view of the inbox is here: the listing, the detail (inspect) view,
the triage edit form, the small actions on one enquiry (a note, and the
triage buttons: assign to me, mark in progress, close, mark as spam, not spam),
the Reply page and the canned answers it starts from; the bulk actions are in
``bulk_actions.py``. Only staff with the enquiry
permissions (the "Reception" group, administrators) see any of it. Patients'
words are shown, escaped, and never edited: the edit form holds the triage
fields alone, and nobody can add an enquiry here. Every detail view, change,
export and deletion is written to Wagtail's log.
"""

from datetime import datetime

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaks_filter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views import View
from django.views.defaults import permission_denied
from django.views.generic import TemplateView

from wagtail.actions.edit import EditAction
from wagtail.admin.models import EditingSession
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.editing_sessions import EditingSessionsModule
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn, TitleColumn, UserColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from clinic import phone
from clinic.models import ClinicSettings
from enquiries import canned_answers, replies
from enquiries.filters import EnquiryFilterSet
from enquiries.forms import CloseForm, NoteForm, TriageForm
from enquiries.models import CannedAnswer, Enquiry, EnquiryNote, EnquirySettings, Status, ThreadMessage
from enquiries.reply_forms import ReplyForm
from enquiries.working_days import add_working_days

# Characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Date and time in exports: ISO order, 24-hour clock, no seconds; the same in CSV text and XLSX cells.
EXPORT_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
EXPORT_XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


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
        # Urgent first, then those waiting for the clinic (never answered, or the
        # patient has written back), the oldest first.
        waiting_for_clinic = Case(
            When(Q(first_answered_at=None) | Q(status=Status.PATIENT_REPLIED), then=Value(0)),
            default=Value(1),
        )
        return queryset.order_by(
            "-urgent", waiting_for_clinic, F("first_answered_at").asc(nulls_first=True), "created_at", "pk"
        )

    @cached_property
    def can_export(self):
        return self.request.user.has_perm("enquiries.export_enquiry") and bool(self.list_export)

    # Wagtail tucks its export links into the header's "more" dropdown, where
    # reception never found them: they are header buttons of their own instead.
    show_export_buttons = False

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.can_export:
            buttons += [
                HeaderButton("Download CSV", url=self.csv_export_url, icon_name="download", priority=10),
                HeaderButton("Download Excel", url=self.xlsx_export_url, icon_name="download", priority=20),
            ]
        return buttons

    def get_export_url(self, format):
        """
        The list's own address with the current filters. Filtering reloads only the
        results (and these buttons) from another address, with a parameter of its
        own that is no filter and has no place in the export log.
        """
        params = self.request.GET.copy()
        params.pop("_w_filter_fragment", None)
        params["export"] = format
        return f"{self.index_url}?{params.urlencode()}"

    def preprocess_field_value(self, field, value, export_format):
        if field == "phone":
            value = phone.display(value)
        elif field == "assignee" and value is not None:
            value = staff_name(value)
        elif isinstance(value, datetime):
            return export_datetime(value, export_format)
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        return super().generate_xlsx_row(worksheet, row_dict, date_format=EXPORT_XLSX_DATETIME_FORMAT)

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


def export_datetime(value, export_format):
    """
    A date and time in the clinic's time (Europe/London, so British Summer Time in
    summer), whatever time zone the person exporting chose for their admin account:
    text in CSV, a real date cell in XLSX (which holds no time zone).
    """
    clinic_time = timezone.localtime(value, timezone.get_default_timezone())
    if export_format == IndexView.FORMAT_CSV:
        return clinic_time.strftime(EXPORT_DATETIME_FORMAT)
    return clinic_time.replace(tzinfo=None)


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

    def triage_actions(self, spam):
        """The triage buttons that make sense for this enquiry now, by URL name: {name: url}."""
        if not user_may_change(self.request.user, self.object):
            return {}
        viewset = self.model.snippet_viewset
        return {
            name: reverse(viewset.get_url_name(name), args=[quote(self.object.pk)])
            for name, action in TRIAGE_ACTIONS.items()
            if action.applies(self.object, self.request.user, spam)
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        viewset = self.model.snippet_viewset
        can_add_notes = self.request.user.has_perm("enquiries.add_enquirynote")
        working_days = EnquirySettings.for_request(self.request).reply_within_working_days
        spam = counts_as_spam(self.object)
        triage_actions = self.triage_actions(spam)
        can_reply = self.request.user.has_perm("enquiries.reply_enquiry") and not spam
        context.update(
            {
                "thread": thread_for_staff(self.object),
                "reply_url": reverse(viewset.get_url_name("reply"), args=[quote(self.object.pk)])
                if can_reply
                else None,
                "same_person": Enquiry.objects.from_same_person(self.object).select_related("assignee"),
                **presence(self.request, self.object),
                "notes": self.object.notes.select_related("author"),
                "note_form": NoteForm() if can_add_notes else None,
                "add_note_url": reverse(viewset.get_url_name("add_note"), args=[quote(self.object.pk)]),
                "triage_actions": triage_actions,
                "close_form": CloseForm(auto_id="close-%s") if "close" in triage_actions else None,
                "assignee_name": staff_name(self.object.assignee) if self.object.assignee else None,
                "history": ModelLogEntry.objects.for_instance(self.object).select_related("user")[:50],
                "overdue": Enquiry.objects.overdue(working_days).filter(pk=self.object.pk).exists(),
                "reply_due_at": add_working_days(self.object.created_at, working_days),
                "emails": self.object.emails.all(),
                "counts_as_spam": spam,
            }
        )
        return context


def thread_for_staff(enquiry):
    """The conversation with the patient, each message with its email's delivery."""
    return replies.conversation(enquiry).prefetch_related("emails")


def presence(request, enquiry):
    """
    Wagtail's editing sessions for an enquiry: this visit is recorded (and kept
    alive by the admin's own script, which shows colleagues arriving and leaving),
    and colleagues seen in the last minutes are listed in the page itself, so the
    warning holds without JavaScript too.
    """
    EditingSession.cleanup()
    content_type = ContentType.objects.get_for_model(Enquiry)
    session = EditingSession.objects.create(
        user=request.user, content_type=content_type, object_id=str(enquiry.pk), last_seen_at=timezone.now()
    )
    others = (
        EditingSession.objects.available()
        .filter(content_type=content_type, object_id=str(enquiry.pk))
        .exclude(user=request.user)
        .select_related("user")
        .order_by("-last_seen_at")
    )
    colleagues = {}
    for other in others:
        colleagues.setdefault(other.user_id, {"name": staff_name(other.user), "since": other.last_seen_at})
    module = EditingSessionsModule(
        session,
        reverse(
            "wagtailadmin_editing_sessions:ping",
            args=(Enquiry._meta.app_label, Enquiry._meta.model_name, quote(enquiry.pk), session.pk),
        ),
        reverse("wagtailadmin_editing_sessions:release", args=(session.pk,)),
        [],
    )
    return {"editing_sessions": module, "colleagues_here": list(colleagues.values())}


class ReplyView(WagtailAdminTemplateMixin, TemplateView):
    """
    Reply to the patient from the inbox: compose (from a canned answer if
    wanted), choose how it reaches them, and send it through the outbox
    (``enquiries.replies.send_reply``). A reply a colleague sent while this one
    was being written stops it, with what was typed kept, so two replies never go.
    """

    template_name = "enquiries/admin/reply.html"
    header_icon = "mail"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("enquiries.reply_enquiry"):
            return refuse(request)
        self.enquiry = get_object_or_404(Enquiry, pk=unquote(str(kwargs["pk"])))
        self.inspect_url = reverse(
            Enquiry.snippet_viewset.get_url_name("inspect"), args=[quote(self.enquiry.pk)]
        )
        if counts_as_spam(self.enquiry):
            messages.error(
                request, f"{self.enquiry.reference} counts as spam: mark it 'Not spam' before replying."
            )
            return redirect(self.inspect_url)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Reply to {self.enquiry.reference}"

    @cached_property
    def may_change_status(self):
        return user_may_change(self.request.user, self.enquiry)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("enquiry_admin:list"), "label": "Enquiries"},
            {"url": self.inspect_url, "label": self.enquiry.reference},
            {"url": "", "label": "Reply"},
        ]

    def latest_message_id(self):
        return self.enquiry.thread.order_by("-pk").values_list("pk", flat=True).first() or 0

    def get(self, request, pk):
        # The page shows what the patient wrote: recorded like the detail view.
        log(self.enquiry, "enquiries.view", user=request.user)
        form = ReplyForm(initial={"thread_seen": self.latest_message_id()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, pk):
        action = ReplyForm.USE_CANNED if ReplyForm.USE_CANNED in request.POST else ReplyForm.SEND
        form = ReplyForm(request.POST, action=action)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if action == ReplyForm.USE_CANNED:
            return self.render_to_response(self.get_context_data(form=self.with_canned_answer(form)))
        sent_meanwhile = (
            self.enquiry.thread.filter(
                pk__gt=form.cleaned_data["thread_seen"] or 0, direction=ThreadMessage.Direction.TO_PATIENT
            )
            .select_related("author")
            .last()
        )
        if sent_meanwhile is not None:
            data = request.POST.copy()
            data["thread_seen"] = self.latest_message_id()
            form = ReplyForm(data)
            form.is_valid()
            sender = staff_name(sent_meanwhile.author) if sent_meanwhile.author else "A colleague"
            form.add_error(
                None,
                f"{sender} sent a reply at {timezone.localtime(sent_meanwhile.created_at):%H:%M} while you "
                "were writing, so yours has not been sent. Read theirs below; if yours is still needed, "
                "press Send reply again.",
            )
            return self.render_to_response(self.get_context_data(form=form))
        message = replies.send_reply(
            self.enquiry,
            author=request.user,
            text=form.cleaned_data["text"],
            delivery=form.cleaned_data["delivery"],
            # Changing the status is triage: only for staff who may change enquiries.
            mark_waiting=form.cleaned_data["mark_waiting"] and self.may_change_status,
        )
        messages.success(
            request,
            f"Your reply to {self.enquiry.reference} is on its way "
            f"({message.get_delivery_display().split(':')[0].lower()}).",
        )
        return redirect(self.inspect_url)

    def with_canned_answer(self, form):
        """The form again, its text now the canned answer filled in for this patient, after anything typed."""
        values = canned_answers.placeholder_values(
            self.enquiry, ClinicSettings.for_request(self.request), staff_name(self.request.user)
        )
        filled = canned_answers.fill(form.cleaned_data["canned_answer"].text, values)
        typed = form.cleaned_data["text"]
        data = self.request.POST.copy()
        data["text"] = f"{typed}\n\n{filled}" if typed else filled
        return ReplyForm(data, action=ReplyForm.USE_CANNED)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "enquiry": self.enquiry,
                "thread": thread_for_staff(self.enquiry),
                "inspect_url": self.inspect_url,
                "canned_answers_exist": CannedAnswer.objects.exists(),
                "may_change_status": self.may_change_status,
                "placeholders": canned_answers.PLACEHOLDERS,
                **presence(self.request, self.enquiry),
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
        return staff_name(user) if user else "—"
    return str(value)


def staff_name(user):
    """A colleague as staff know them: their full name, or their username if they gave none."""
    return user.get_full_name() or user.get_username()


def user_may_change(user, enquiry):
    return policy_registry.get_by_type(Enquiry).user_has_permission_for_instance(user, "change", enquiry)


def counts_as_spam(enquiry):
    """Marked or suspected spam, by the one rule the inbox uses everywhere (``EnquiryQuerySet.spam``)."""
    return Enquiry.objects.spam().filter(pk=enquiry.pk).exists()


TRIAGE_FIELDS = ("status", "outcome", "assignee")


def triage_values(enquiry):
    return {name: getattr(enquiry, name) for name in TRIAGE_FIELDS}


def triage_changes(before, enquiry):
    """What changed since ``before``, in the edit view's log format, so the History section reads the same."""
    after = triage_values(enquiry)
    return {
        name: [describe(name, before[name]), describe(name, after[name])]
        for name in TRIAGE_FIELDS
        if before[name] != after[name]
    }


class EnquiryActionView(View):
    """
    A small POST-only action on one enquiry. Refused with a plain 403 rather than
    Wagtail's redirect to the dashboard, so a refused POST never looks like one
    that went through. (Wagtail itself sends anyone without admin access to the
    login page before this view runs.)
    """

    http_method_names = ["post"]
    permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            return refuse(request)
        self.enquiry = get_object_or_404(Enquiry, pk=unquote(str(kwargs["pk"])))
        return super().dispatch(request, *args, **kwargs)

    def back_to_enquiry(self):
        viewset = Enquiry.snippet_viewset
        return redirect(viewset.get_url_name("inspect"), self.enquiry.pk)


def refuse(request):
    # Django's own 403 page; raising PermissionDenied would be turned into a redirect by Wagtail.
    return permission_denied(request, PermissionDenied())


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


class TriageActionView(EnquiryActionView):
    """
    One triage step on one enquiry, from the buttons on its detail page: a plain
    POST form, so it works without JavaScript. The step goes through
    ``Enquiry.save`` (so the triage timestamps follow) and is logged with what it
    changed, as the edit form's changes are.

    A step that no longer makes sense (a colleague got there first, a second
    click) changes nothing and says so.
    """

    permission_required = "enquiries.change_enquiry"
    log_action = "enquiries.triage"
    form_class = None

    @staticmethod
    def applies(enquiry, user, spam):
        """Whether the step makes sense for ``enquiry`` as it stands (``spam``: it counts as spam)."""
        raise NotImplementedError

    def change(self, enquiry, cleaned_data):
        """Apply the step to ``enquiry``; saving and logging are done for it."""
        raise NotImplementedError

    def done_message(self, enquiry):
        raise NotImplementedError

    def invalid_message(self, form):
        """What to do about a form sent without what the step needs."""
        raise NotImplementedError

    def post(self, request, pk):
        if not user_may_change(request.user, self.enquiry):
            return refuse(request)
        form = self.form_class(request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            messages.error(request, self.invalid_message(form))
            return self.back_to_enquiry()
        with transaction.atomic():
            # Read afresh and locked: two colleagues pressing at once are each logged truthfully.
            enquiry = Enquiry.objects.select_for_update().get(pk=self.enquiry.pk)
            if not self.applies(enquiry, request.user, counts_as_spam(enquiry)):
                messages.warning(
                    request,
                    f"{enquiry.reference} was not changed: that step does not apply to it as it "
                    "stands now. A colleague may have just changed it.",
                )
                return self.back_to_enquiry()
            before = triage_values(enquiry)
            self.change(enquiry, form.cleaned_data if form else {})
            enquiry.save()
            changes = triage_changes(before, enquiry)
            log(enquiry, self.log_action, user=request.user, data={"changes": changes})
        messages.success(request, self.done_message(enquiry))
        return self.back_to_enquiry()


class AssignToMeView(TriageActionView):
    @staticmethod
    def applies(enquiry, user, spam):
        return not spam and enquiry.status != Status.CLOSED and enquiry.assignee_id != user.pk

    def change(self, enquiry, cleaned_data):
        enquiry.assignee = self.request.user

    def done_message(self, enquiry):
        return f"{enquiry.reference} is assigned to you."


class MarkInProgressView(TriageActionView):
    """Also reopens a closed enquiry (its outcome and closing time are cleared by ``Enquiry.save``)."""

    @staticmethod
    def applies(enquiry, user, spam):
        return not spam and enquiry.status != Status.IN_PROGRESS

    def change(self, enquiry, cleaned_data):
        enquiry.status = Status.IN_PROGRESS

    def done_message(self, enquiry):
        return f"{enquiry.reference} is in progress."


class CloseView(TriageActionView):
    form_class = CloseForm

    @staticmethod
    def applies(enquiry, user, spam):
        return not spam and enquiry.status != Status.CLOSED

    def change(self, enquiry, cleaned_data):
        enquiry.status = Status.CLOSED
        enquiry.outcome = cleaned_data["outcome"]

    def done_message(self, enquiry):
        return f"{enquiry.reference} is closed: {enquiry.get_outcome_display()}."

    def invalid_message(self, form):
        return f"Choose an outcome before closing {self.enquiry.reference}. Nothing has been changed."


class MarkAsSpamView(TriageActionView):
    @staticmethod
    def applies(enquiry, user, spam):
        return enquiry.status != Status.SPAM

    def change(self, enquiry, cleaned_data):
        enquiry.status = Status.SPAM

    def done_message(self, enquiry):
        return f"{enquiry.reference} is marked as spam. 'Not spam' moves it back to the inbox."


class NotSpamView(TriageActionView):
    log_action = "enquiries.not_spam"

    @staticmethod
    def applies(enquiry, user, spam):
        return spam

    def change(self, enquiry, cleaned_data):
        enquiry.status = Status.NEW
        enquiry.suspected_spam = False

    def done_message(self, enquiry):
        return f"{enquiry.reference} is back in the inbox as a new enquiry."


# The triage buttons on an enquiry's detail page, in the order shown, by URL name.
TRIAGE_ACTIONS = {
    "assign_to_me": AssignToMeView,
    "mark_in_progress": MarkInProgressView,
    "close": CloseView,
    "mark_as_spam": MarkAsSpamView,
    "not_spam": NotSpamView,
}


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
            # Wagtail's status tag, coloured by the inbox's stylesheet (css/inbox.css).
            StatusFlagColumn(
                "urgent", true_label="Urgent", label="Urgent", sort_key="urgent", classname="enquiry-urgent"
            ),
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
            """Shows what waits for reception, e.g. "Enquiries (3 new)" or "Enquiries (3 new, 1 replied)"."""

            def render_component(self, request):
                component = super().render_component(request)
                waiting = [
                    f"{count} {label}"
                    for count, label in (
                        (Enquiry.objects.new().count(), "new"),
                        (Enquiry.objects.patient_replied().count(), "replied"),
                    )
                    if count
                ]
                if waiting:
                    component.label = f"{component.label} ({', '.join(waiting)})"
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
            path("reply/<str:pk>/", ReplyView.as_view(), name="reply"),
            path("assign-to-me/<str:pk>/", AssignToMeView.as_view(), name="assign_to_me"),
            path("in-progress/<str:pk>/", MarkInProgressView.as_view(), name="mark_in_progress"),
            path("close/<str:pk>/", CloseView.as_view(), name="close"),
            path("spam/<str:pk>/", MarkAsSpamView.as_view(), name="mark_as_spam"),
            path("not-spam/<str:pk>/", NotSpamView.as_view(), name="not_spam"),
        ]


class CannedAnswerViewSet(SnippetViewSet):
    """The answers replies start from; kept by staff with the canned answer permissions (Reception)."""

    model = CannedAnswer
    admin_url_namespace = "canned_answers"
    base_url_path = "enquiries/canned-answers"
    icon = "openquote"
    menu_label = "Canned answers"
    menu_order = 151
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title"]
    search_fields = ["title", "text"]
    search_backend_name = None

    def register_chooser_viewset(self):
        """No chooser: nothing else links to a canned answer."""
