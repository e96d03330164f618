"""Background work for enquiries, run by the task backend (``manage.py db_worker`` in production)."""

from django_tasks import task

from enquiries.models import Enquiry
from enquiries.notifications import send_notifications


@task()
def notify_about_enquiry(enquiry_id):
    """
    Send the enquiry's emails. On failure, queue another try at the enquiry's
    next retry time when the backend can defer work; the
    ``send_enquiry_notifications`` command catches anything this misses.
    """
    if send_notifications(enquiry_id):
        return True
    next_try = Enquiry.objects.filter(pk=enquiry_id).values_list("next_notification_at", flat=True).first()
    if next_try and notify_about_enquiry.get_backend().supports_defer:
        notify_about_enquiry.using(run_after=next_try).enqueue(enquiry_id)
    return False
