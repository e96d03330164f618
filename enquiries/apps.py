from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    """Patients' enquiries: stored, triaged and retained under the clinic's policy."""

    name = "enquiries"
    verbose_name = "Enquiries"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from enquiries.models import Enquiry
        from enquiries.permissions import EnquiryPermissionPolicy

        register_permission_policy(Enquiry, EnquiryPermissionPolicy(Enquiry))
