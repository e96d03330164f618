"""Staff signed in to the admin, and the addresses of the enquiries inbox."""

import pytest

from django.urls import reverse

from tests.factories import make_user


@pytest.fixture
def reception(db):
    return make_user("rita", groups=["Reception"], first_name="Rita", last_name="Reception")


@pytest.fixture
def reception_client(client, reception):
    client.force_login(reception)
    return client


@pytest.fixture
def superuser(db):
    return make_user("admin", is_superuser=True, first_name="Ada", last_name="Admin")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def inbox_url(**query):
    """The list, with ``query`` as its filters."""
    url = reverse("enquiry_admin:list")
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def enquiry_url(name, enquiry):
    return reverse(f"enquiry_admin:{name}", args=[enquiry.pk])


def bulk_url(action, *enquiries):
    """A bulk action on ``enquiries``, as the inbox's checkboxes build it (going back to the inbox)."""
    ids = "".join(f"&id={enquiry.pk}" for enquiry in enquiries)
    return f"/admin/bulk/enquiries/enquiry/{action}/?next={reverse('enquiry_admin:list')}{ids}"
