"""
The patient's side of a reply: the page a reply link opens, the one-time code
that proves the reader holds the enquiry's mailbox, and the patient's answer.

A link that does not work (tampered with, guessed, expired, or its enquiry
erased) always gets the same page, so a link reveals nothing. Until the code is
confirmed the page shows nothing of the enquiry, not even the address the code
goes to. Every response is kept by no cache and indexed by no search engine,
and nothing here logs what the patient wrote, their address or a code.
"""

import logging
import re
from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from enquiries import emails, replies
from enquiries.forms import NULL_CHARACTERS, MessageField, PublicForm
from enquiries.models import REPLY_MAX_LENGTH

logger = logging.getLogger(__name__)

WRONG_CODE = "The code is not right. Check the latest email from us and try again."
NO_CODE = (
    "This code no longer works: it has expired, has been used, or was typed wrong too many times. "
    "Ask for a new code."
)


# Forms.


class ReplyPageForm(PublicForm):
    """The same GOV.UK error summary as the enquiry form."""


class CodeForm(ReplyPageForm):
    code = forms.CharField(
        label="Code",
        help_text=f"The {replies.CODE_DIGITS}-digit code is in the email we have just sent you.",
        error_messages={
            "required": "Enter the code from the email",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "access-%s")
        super().__init__(*args, **kwargs)

    def clean_code(self):
        # People copy codes with spaces or dashes in them; only ASCII digits are digits here.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]+", code):
            raise ValidationError("The code must contain numbers only")
        if len(code) != replies.CODE_DIGITS:
            raise ValidationError(f"The code must be {replies.CODE_DIGITS} numbers")
        return code


class AnswerForm(ReplyPageForm):
    message = MessageField(
        label="Your message",
        max_length=REPLY_MAX_LENGTH,
        help_text="Only the clinic's staff can read what you send here. It is not sent by email.",
        error_messages={
            "required": "Enter your message",
            "max_length": f"Message must be {REPLY_MAX_LENGTH:,} characters or fewer",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reply-%s")
        super().__init__(*args, **kwargs)
        # As on the enquiry form: the character count instead of a maxlength that cuts pasted text.
        self.fields["message"].max_length = None
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.fields["message"].character_limit = REPLY_MAX_LENGTH


# What every view shares.


def reply_link(view):
    """
    Open the reply a link names and pass on its enquiry, or answer with the one
    page for a link that does not work. A database error gets the calm 503 page.
    """

    @wraps(view)
    def wrapped(request, token):
        try:
            message = replies.message_for_token(token)
            response = link_not_working(request) if message is None else view(request, message.enquiry, token)
        except DatabaseError:
            logger.error("A reply page could not be shown: the database is unavailable.")
            response = database_unavailable(request)
        # They show health information, or lead to it: no cache keeps them, no search engine lists them.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def link_not_working(request):
    return render(request, "enquiries/replies/link_not_working.html", status=404)


def database_unavailable(request):
    """Like the enquiry form's: no database needed, and the answer being sent shown back to copy."""
    typed = typed_answer(request) if request.method == "POST" else ""
    template = loader.get_template("enquiries/replies/unavailable.html")
    context = {"clinic": settings.CLINIC_FALLBACK_CONTACT, "typed": typed}
    return HttpResponse(template.render(context), status=503, headers={"Retry-After": "300"})


def typed_answer(request):
    """What the patient typed in the answer box, to show back when it could not be sent."""
    return request.POST.get("message", "")[:REPLY_MAX_LENGTH].replace("\x00", "")


def locked_page(request, token, status=200, **flags):
    """Says that we replied and offers to email a code; never anything about the enquiry."""
    context = {
        "token": token,
        "minutes": settings.ENQUIRIES_ACCESS_CODE_MINUTES,
        "access_minutes": settings.ENQUIRIES_REPLY_ACCESS_MINUTES,
        **flags,
    }
    return render(request, "enquiries/replies/locked.html", context, status=status)


def conversation_page(request, enquiry, token, form):
    messages = list(replies.conversation(enquiry))
    response = render(
        request,
        "enquiries/replies/conversation.html",
        {"enquiry": enquiry, "thread": messages, "token": token, "form": form},
    )
    replies.mark_read(messages)
    return response


# The views.


@require_safe
@reply_link
def reply(request, enquiry, token):
    if not replies.has_access(request, enquiry):
        return locked_page(request, token)
    return conversation_page(request, enquiry, token, AnswerForm())


@require_POST
@reply_link
def send_code(request, enquiry, token):
    """Email a one-time code to the enquiry's own address, while the patient waits."""
    if replies.has_access(request, enquiry):
        return redirect("enquiries:reply", token)
    issued = replies.issue_code(enquiry)
    if issued is None:
        logger.info("No code sent for enquiry %s: too many asked for within the hour.", enquiry.reference)
        return locked_page(request, token, status=429, too_many_codes=True)
    row, code = issued
    try:
        emails.access_code(enquiry, code, request).send()
    except Exception as error:  # noqa: BLE001 - whatever stops the email, the patient gets a calm page
        # The class only: an SMTP error's text can hold the patient's address.
        logger.error(
            "The code for enquiry %s could not be emailed (%s).", enquiry.reference, type(error).__name__
        )
        # A code nobody received is no code: it does not count towards the hour's limit.
        row.delete()
        return locked_page(request, token, status=503, not_sent=True)
    return redirect("enquiries:reply_code", token)


@require_http_methods(["GET", "HEAD", "POST"])
@reply_link
def enter_code(request, enquiry, token):
    if replies.has_access(request, enquiry):
        return redirect("enquiries:reply", token)
    form = CodeForm(request.POST if request.method == "POST" else None)
    no_code = False
    if form.is_bound and form.is_valid():
        result = replies.check_code(enquiry, form.cleaned_data["code"])
        if result == replies.CodeCheck.ACCEPTED:
            replies.grant_access(request, enquiry)
            return redirect("enquiries:reply", token)
        no_code = result == replies.CodeCheck.NO_CODE
        form.add_error("code", NO_CODE if no_code else WRONG_CODE)
        logger.info("A code for enquiry %s was refused (%s).", enquiry.reference, result)
    context = {
        "form": form,
        "token": token,
        "no_code": no_code,
        "minutes": settings.ENQUIRIES_ACCESS_CODE_MINUTES,
    }
    return render(request, "enquiries/replies/enter_code.html", context)


def refused_answer_page(request, token):
    """
    The answer was not taken (the code's time ran out while they wrote, or the
    page's security cookie had expired): nothing sent, and what they typed shown to copy.
    """
    return locked_page(request, token, status=403, access_ended=True, typed=typed_answer(request))


@reply_link
def answer_refused(request, enquiry, token):
    """The refusal as a view of its own, for ``enquiries.views.csrf_failure``."""
    return refused_answer_page(request, token)


@require_POST
@reply_link
def answer(request, enquiry, token):
    """The patient writes back: added to the thread, and staff alerted without the words."""
    if not replies.has_access(request, enquiry):
        return refused_answer_page(request, token)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return conversation_page(request, enquiry, token, form)
    replies.record_patient_answer(enquiry, form.cleaned_data["message"])
    return redirect("enquiries:reply_sent", token)


@require_safe
@reply_link
def answer_sent(request, enquiry, token):
    if not replies.has_access(request, enquiry):
        return redirect("enquiries:reply", token)
    return render(request, "enquiries/replies/answer_sent.html", {"token": token})
