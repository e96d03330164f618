"""A URL that fails the way a real fault might: with a patient's words in the error and in the request."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def fails(request):
    raise ValueError(f"Could not store the enquiry from {request.POST.get('name')}")


urlpatterns = [path("fails/", fails)]
