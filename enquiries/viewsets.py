"""
The enquiries inbox in the Wagtail admin.

Only staff with the enquiry permissions see it. Patients' words are shown, never
edited: the edit form holds the triage fields alone, and nobody can add an
enquiry from the admin.
"""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from enquiries.models import Enquiry


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that enquiries only ever come from patients."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class EnquiryViewSet(ModelViewSet):
    model = Enquiry
    name = "enquiry_admin"
    url_prefix = "enquiries"
    icon = "mail"
    menu_label = "Enquiries"
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "reference",
        "created_at",
        "name",
        "treatment_title",
        "status",
        "urgent",
        "suspected_spam",
    ]
    list_filter = ["status", "urgent", "suspected_spam"]
    # Straight against the table, so an enquiry is findable the moment it arrives.
    search_fields = ["reference", "name", "email", "phone", "message"]
    search_backend_name = None
    form_fields = ["status", "assignee"]
    inspect_view_fields = [
        "reference",
        "created_at",
        "name",
        "email",
        "phone",
        "preferred_contact",
        "treatment_title",
        "message",
        "urgent",
        "suspected_spam",
        "source_url",
        "privacy_notice_version",
        "status",
        "assignee",
        "staff_notified_at",
        "patient_notified_at",
        "notification_attempts",
        "last_notification_error",
    ]
