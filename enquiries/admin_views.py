"""Small admin actions on one enquiry: add a note, rescue one from spam."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from enquiries.forms import NoteForm
from enquiries.models import Enquiry, EnquiryNote, Status


class EnquiryActionView(View):
    http_method_names = ["post"]
    permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        self.enquiry = get_object_or_404(Enquiry, pk=unquote(str(kwargs["pk"])))
        return super().dispatch(request, *args, **kwargs)

    def back_to_enquiry(self):
        viewset = Enquiry.snippet_viewset
        return redirect(viewset.get_url_name("inspect"), self.enquiry.pk)


class AddNoteView(EnquiryActionView):
    permission_required = "enquiries.add_enquirynote"

    def post(self, request, pk):
        form = NoteForm(request.POST)
        if form.is_valid():
            note = EnquiryNote.objects.create(
                enquiry=self.enquiry, author=request.user, text=form.cleaned_data["text"]
            )
            # The note's text stays out of the log: it may hold health information.
            log(self.enquiry, "enquiries.note", user=request.user, data={"note_id": note.pk})
            messages.success(request, "Note added.")
        else:
            messages.error(request, " ".join(form.errors["text"]))
        return self.back_to_enquiry()


class NotSpamView(EnquiryActionView):
    permission_required = "enquiries.change_enquiry"

    def post(self, request, pk):
        if not policy_registry.get_by_type(Enquiry).user_has_permission_for_instance(
            request.user, "change", self.enquiry
        ):
            raise PermissionDenied
        self.enquiry.status = Status.NEW
        self.enquiry.suspected_spam = False
        self.enquiry.save()
        log(self.enquiry, "enquiries.not_spam", user=request.user)
        messages.success(request, f"{self.enquiry.reference} is back in the inbox as a new enquiry.")
        return self.back_to_enquiry()
