"""The form staff reply with, on an enquiry's Reply page in the admin."""

from django import forms

from enquiries.models import REPLY_MAX_LENGTH, CannedAnswer, ReplyDelivery


class ReplyForm(forms.Form):
    """
    One form with two buttons: "Use this answer" fills the text from a canned
    answer (keeping anything already typed), "Send reply" sends it. Both are
    plain submissions, so the page needs no JavaScript.
    """

    USE_CANNED = "use_canned"
    SEND = "send"

    canned_answer = forms.ModelChoiceField(
        queryset=CannedAnswer.objects.all(),
        required=False,
        label="Start from a canned answer",
        empty_label="None",
        help_text="Its placeholders are filled in for this patient. Anything you have typed is kept.",
    )
    text = forms.CharField(
        label="Reply",
        required=False,
        max_length=REPLY_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Plain text. The patient reads it as you write it.",
    )
    delivery = forms.ChoiceField(
        label="How the patient gets it",
        choices=ReplyDelivery.choices,
        initial=ReplyDelivery.LINK,
        widget=forms.RadioSelect,
        help_text="A secure link keeps health details out of email: use the email itself only for "
        "replies that say nothing about the patient's health.",
    )
    mark_waiting = forms.BooleanField(
        label="Mark the enquiry as 'Waiting for patient'", required=False, initial=True
    )
    # The newest message of the thread when the form was opened: a reply sent
    # by a colleague since then stops this one, so the patient never gets two.
    thread_seen = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, action=SEND, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def clean_text(self):
        text = self.cleaned_data["text"]
        if self.action == self.SEND and not text:
            raise forms.ValidationError("Write a reply, or start from a canned answer.")
        return text

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.action == self.USE_CANNED
            and not cleaned_data.get("canned_answer")
            and not self.has_error("canned_answer")
        ):
            self.add_error("canned_answer", "Choose a canned answer to use.")
        return cleaned_data
