"""The dashboard panel: what reception needs to see first thing."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from enquiries.models import Enquiry, EnquirySettings, Status


class EnquiriesPanel(Component):
    name = "enquiries"
    order = 50
    template_name = "enquiries/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        working_days = EnquirySettings.for_request(self.request).reply_within_working_days
        inbox = reverse("enquiry_admin:list")
        unanswered = Enquiry.objects.unanswered()
        return {
            "new_count": Enquiry.objects.new().count(),
            "replied_count": Enquiry.objects.patient_replied().count(),
            "urgent_count": unanswered.filter(urgent=True).count(),
            "overdue_count": Enquiry.objects.overdue(working_days).count(),
            "oldest": unanswered.order_by("created_at").first(),
            "new_url": f"{inbox}?status={Status.NEW}&suspected_spam=false",
            "replied_url": f"{inbox}?status={Status.PATIENT_REPLIED}",
            "urgent_url": f"{inbox}?urgent=true&unanswered=true",
            "overdue_url": f"{inbox}?overdue=true",
            "inbox_url": inbox,
            "working_days": working_days,
        }
