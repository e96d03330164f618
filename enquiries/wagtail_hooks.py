"""Registers the enquiries inbox, canned answers, bulk actions, stylesheet, dashboard panel, log actions."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from enquiries.bulk_actions import (
    AssignToMeBulkAction,
    CloseBulkAction,
    DeleteEnquiriesBulkAction,
    MarkAsSpamBulkAction,
)
from enquiries.models import ReplyDelivery, Status
from enquiries.panels import EnquiriesPanel
from enquiries.viewsets import CannedAnswerViewSet, EnquiryViewSet

register_snippet(EnquiryViewSet)
register_snippet(CannedAnswerViewSet)

for bulk_action in (AssignToMeBulkAction, MarkAsSpamBulkAction, CloseBulkAction):
    hooks.register("register_bulk_action", bulk_action)
# Registered first, so it, not Wagtail's snippet delete, handles deleting enquiries.
hooks.register("register_bulk_action", DeleteEnquiriesBulkAction, order=1)


@hooks.register("insert_global_admin_css")
def inbox_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("enquiries/css/inbox.css"))


@hooks.register("construct_homepage_panels")
def add_enquiries_panel(request, panels):
    if request.user.has_perm("enquiries.view_enquiry"):
        panels.insert(0, EnquiriesPanel(request))


@hooks.register("register_log_actions")
def register_enquiry_log_actions(actions):
    @actions.register_action("enquiries.triage")
    class TriageChange(LogFormatter):
        label = "Change"

        def format_message(self, log_entry):
            changes = log_entry.data.get("changes") or {}
            described = [
                f"{field.replace('_', ' ')} from {old} to {new}" for field, (old, new) in changes.items()
            ]
            return "Changed " + "; ".join(described) if described else "Saved without changes"

    @actions.register_action("enquiries.reply")
    class Reply(LogFormatter):
        label = "Reply"

        def format_message(self, log_entry):
            delivery = log_entry.data.get("delivery")
            how = "by secure link" if delivery == ReplyDelivery.LINK else "in the email"
            message = f"Replied to the patient {how}"
            if status := log_entry.data.get("status"):
                message += f"; status from {Status(status[0]).label} to {Status(status[1]).label}"
            return message

    actions.register_action("enquiries.patient_answer", "Patient answer", "The patient wrote back")
    actions.register_action("enquiries.view", "View", "Viewed the enquiry")
    actions.register_action("enquiries.export", "Export", "Included in an export")
    actions.register_action("enquiries.note", "Note", "Added a note")
    actions.register_action("enquiries.not_spam", "Not spam", "Marked as not spam")
    actions.register_action(
        "enquiries.subject_access", "Subject access", "Included in a subject access request"
    )
    actions.register_action("enquiries.erase", "Erase", "Erased at the person's request")
    actions.register_action("enquiries.purge", "Purge", "Deleted under the retention policy")
