"""
Bulk actions on the enquiries inbox: assign to me, mark as spam, close.

Wagtail gives the checkbox column and bulk actions to snippet listings only,
which is why enquiries are registered as a snippet (see viewsets.py). Each
change goes through ``Enquiry.save`` (so triage timestamps follow) and is
written to Wagtail's log against the user who made it.
"""

from abc import abstractmethod

from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst

from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from enquiries.forms import CloseForm
from enquiries.models import Enquiry, Status


class RequiresModelPermission:
    """
    Refuse the whole bulk-action page, not just its items, to anyone without the
    permission: otherwise the confirmation page would name the enquiries.
    """

    required_permission = "change"

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, self.required_permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeleteEnquiriesBulkAction(RequiresModelPermission, DeleteBulkAction):
    models = [Enquiry]
    required_permission = "delete"


class EnquiryBulkAction(RequiresModelPermission, SnippetBulkAction):
    models = [Enquiry]
    template_name = "enquiries/admin/confirm_bulk_action.html"
    question = ""
    done = ""

    def check_perm(self, enquiry):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", enquiry)

    def get_execution_context(self):
        return {"user": self.request.user, "cleaned_data": self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(cls, objects, user=None, cleaned_data=None, **kwargs):
        for enquiry in objects:
            cls.change(enquiry, user, cleaned_data or {})
            enquiry.save()
            log(enquiry, "wagtail.edit", user=user, data={"bulk_action": cls.action_type})
        return len(objects), 0

    @classmethod
    @abstractmethod
    def change(cls, enquiry, user, cleaned_data):
        """Apply this action's change to one enquiry (saving and logging are done for it)."""

    def get_success_message(self, num_parent_objects, num_child_objects):
        noun = "enquiry" if num_parent_objects == 1 else "enquiries"
        return capfirst(f"{num_parent_objects} {noun} {self.done}.")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "question": self.question,
            "action_label": self.display_name,
        }


class AssignToMeBulkAction(EnquiryBulkAction):
    display_name = "Assign to me"
    action_type = "assign_to_me"
    aria_label = "Assign the selected enquiries to me"
    action_priority = 10
    question = "Assign these enquiries to yourself?"
    done = "assigned to you"

    @classmethod
    def change(cls, enquiry, user, cleaned_data):
        enquiry.assignee = user


class MarkAsSpamBulkAction(EnquiryBulkAction):
    display_name = "Mark as spam"
    action_type = "mark_as_spam"
    aria_label = "Mark the selected enquiries as spam"
    action_priority = 20
    question = "Mark these enquiries as spam? They will be deleted after the spam retention period."
    done = "marked as spam"

    @classmethod
    def change(cls, enquiry, user, cleaned_data):
        enquiry.status = Status.SPAM


class CloseBulkAction(EnquiryBulkAction):
    display_name = "Close"
    action_type = "close"
    aria_label = "Close the selected enquiries"
    action_priority = 30
    form_class = CloseForm
    question = "Close these enquiries with the outcome below?"
    done = "closed"

    @classmethod
    def change(cls, enquiry, user, cleaned_data):
        enquiry.status = Status.CLOSED
        enquiry.outcome = cleaned_data["outcome"]
