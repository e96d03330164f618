"""
The patient's side of an enquiry: send, confirm, and calm pages when things go wrong.

The enquiry is committed before any email is attempted; emails go through the
task backend afterwards. Whatever happens, the patient sees a page that keeps
what they typed and gives them the clinic's phone number.
"""

import logging
from datetime import datetime
from math import ceil

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from enquiries import outbox
from enquiries.forms import EnquiryForm, message_looks_like_spam
from enquiries.models import Enquiry, EnquirySettings, new_reference
from enquiries.ratelimit import allow_submission, rate_limit_window
from enquiries.reply_views import answer_refused
from enquiries.tasks import queue_emails_with_transaction
from enquiries.working_days import reply_due_on
from pagecache.shared_data import site_setting

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "enquiries.sent"
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60


@require_POST
def submit(request):
    try:
        return handle_submission(request)
    except DatabaseError:
        # Never the content: only that an enquiry could not be stored.
        logger.error("An enquiry could not be saved: the database is unavailable.")
        return database_unavailable(request)


def handle_submission(request):
    form = EnquiryForm(request.POST)
    if not form.is_valid():
        return form_page(request, form)
    already_stored = Enquiry.objects.filter(submission_token=form.cleaned_data["token"]).first()
    if already_stored is not None:
        # Sent again (back and resend, a second tab): the same confirmation, nothing counted.
        stored = already_stored
        return redirect_to_confirmation(stored.reference, stored.urgent, stored.created_at)
    if not allow_submission(request):
        logger.info("An enquiry was refused: too many from one client.")
        window = rate_limit_window()
        response = form_page(request, form, status=429, rate_limited=True, retry_minutes=ceil(window / 60))
        response["Retry-After"] = str(window)
        return response
    if form.looks_automated:
        # The same page a person gets, so a bot learns nothing; nothing is stored or sent.
        logger.info("An enquiry was discarded as automated.")
        return redirect_to_confirmation(new_reference(), form.warning_sign_reported, timezone.now())

    enquiry = store_enquiry(form, request)
    return redirect_to_confirmation(enquiry.reference, enquiry.urgent, enquiry.created_at)


def form_page(request, form, status=200, **flags):
    """
    The form on a page of its own, with its errors or a note on why it was not
    sent. It shows back what the patient typed, so no cache may keep it.
    """
    response = render(request, "enquiries/enquiry_form_page.html", {"form": form, **flags}, status=status)
    add_never_cache_headers(response)
    return response


def store_enquiry(form, request):
    """
    Create the enquiry, with its emails in the outbox, once per form token,
    however often or concurrently it is sent; the emails are queued after the commit.
    """
    data = form.cleaned_data
    treatment = data.get("treatment")
    enquiry_settings = site_setting(request, EnquirySettings)
    fields = {
        "name": data["name"],
        "email": data["email"],
        "phone": data["phone"],
        "preferred_contact": data["preferred_contact"],
        "treatment": treatment,
        "treatment_title": treatment.title if treatment else "",
        "message": data["message"],
        "urgent": form.warning_sign_reported,
        "privacy_notice_version": enquiry_settings.privacy_notice_version,
        "source_url": data.get("source", ""),
        "suspected_spam": message_looks_like_spam(data["message"]),
    }
    token = data["token"]
    for _ in range(5):
        try:
            with transaction.atomic():
                enquiry = Enquiry.objects.create(submission_token=token, reference=new_reference(), **fields)
                emails = outbox.add_emails(enquiry, acknowledge_patient=enquiry_settings.acknowledge_patients)
                queue_emails_with_transaction([email.pk for email in emails])
                return enquiry
        except IntegrityError:
            existing = Enquiry.objects.filter(submission_token=token).first()
            if existing is not None:
                return existing
            # Otherwise the random reference was taken: draw another.
    raise IntegrityError("Could not draw an unused enquiry reference.")


def redirect_to_confirmation(reference, urgent, received_at):
    confirmation = {"reference": reference, "urgent": urgent, "received": received_at.isoformat()}
    token = signing.dumps(confirmation, salt=CONFIRMATION_SALT)
    return redirect(f"{reverse('enquiries:sent')}?r={token}")


@require_GET
@never_cache
def sent(request):
    """The confirmation page. It only reads, so refreshing it sends nothing again."""
    try:
        confirmation = signing.loads(
            request.GET.get("r", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature as error:
        raise Http404("No such confirmation") from error
    # When the reply is due, counted as the inbox counts it (a link from before this was added: now).
    received_at = datetime.fromisoformat(confirmation.pop("received", None) or timezone.now().isoformat())
    working_days = site_setting(request, EnquirySettings).reply_within_working_days
    confirmation["reply_due_on"] = reply_due_on(received_at, working_days)
    return render(request, "enquiries/enquiry_sent.html", confirmation)


def database_unavailable(request):
    """
    A 503 that needs no database: it shows back what the patient typed, so it can
    be copied, and the clinic's phone number from Django settings.
    """
    typed = {name: request.POST.get(name, "")[:5000] for name in ("name", "email", "phone", "message")}
    template = loader.get_template("enquiries/enquiry_unavailable.html")
    context = {"clinic": settings.CLINIC_FALLBACK_CONTACT, "typed": typed}
    response = HttpResponse(template.render(context), status=503, headers={"Retry-After": "300"})
    add_never_cache_headers(response)  # it holds what the patient typed
    return response


def csrf_failure(request, reason=""):
    """
    An enquiry whose security cookie had expired is shown again, as typed, to send
    once more, and a patient's answer on the reply page is shown back to copy;
    every other refusal gets Django's own page.
    """
    if request.method == "POST" and request.path == reverse("enquiries:submit"):
        form = EnquiryForm(request.POST)
        form.is_valid()
        return form_page(request, form, status=403, expired=True)
    match = resolve_or_none(request.path)
    if request.method == "POST" and match and match.view_name == "enquiries:reply_answer":
        # A patient's answer: nothing is sent, and what they typed is shown back to copy.
        return answer_refused(request, **match.kwargs)
    return django_csrf_failure(request, reason=reason)


def resolve_or_none(path):
    try:
        return resolve(path)
    except Resolver404:
        return None
