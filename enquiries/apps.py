from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    """Patients' enquiries: stored, triaged and retained under the clinic's policy."""

    name = "enquiries"
    verbose_name = "Enquiries"
