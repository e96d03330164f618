"""/healthz says the process is alive; /readyz says whether it can serve, and why not."""

import json
from datetime import timedelta

import pytest

from django.utils import timezone

from enquiries.models import EmailKind, OutboxEmail
from tests.enquiries.factories import make_enquiry
from tests.outages import database_refusing_connections
from tests.ports import free_port_below_ephemeral_range


def readiness(client):
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return response.status_code, response.json()


def test_healthz_answers_with_the_database_down(transactional_db, client):
    with database_refusing_connections():
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_everything_answers_and_nothing_piles_up(client):
    status, body = readiness(client)

    assert status == 200
    assert body["status"] == "ready"
    assert list(body["checks"]) == ["database", "shared_cache", "task_backlog", "unsent_emails"]
    assert all(check["ok"] for check in body["checks"].values())


def test_readyz_is_not_ready_with_the_database_unreachable_and_gives_nothing_away(transactional_db, client):
    with database_refusing_connections():
        status, body = readiness(client)

    assert status == 503
    assert body["status"] == "not ready"
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert body["checks"]["shared_cache"]["ok"] is True
    text = json.dumps(body)
    assert "127.0.0.1" not in text and "postgres" not in text.lower()


@pytest.mark.django_db
def test_readyz_is_not_ready_with_the_shared_cache_unreachable(client, settings):
    dead = f"redis://127.0.0.1:{free_port_below_ephemeral_range()}/0"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": dead}
    }

    status, body = readiness(client)

    assert status == 503
    assert body["checks"]["shared_cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert dead not in json.dumps(body)


@pytest.mark.django_db
def test_readyz_is_not_ready_when_tasks_pile_up_for_a_stopped_worker(client, settings):
    from django_tasks_db.models import DBTaskResult

    from enquiries.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_MAX_TASK_WAIT_SECONDS = 600
    send_email.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))

    status, body = readiness(client)

    assert status == 503
    assert body["checks"]["task_backlog"]["ok"] is False
    assert body["checks"]["task_backlog"]["waiting"] == 1
    assert body["checks"]["task_backlog"]["oldest_waiting_seconds"] >= 660


@pytest.mark.django_db
def test_readyz_is_not_ready_when_an_enquiry_email_has_waited_too_long(client, settings):
    settings.HEALTH_MAX_UNSENT_EMAIL_SECONDS = 1800
    long_ago = timezone.now() - timedelta(hours=1)
    OutboxEmail.objects.create(
        enquiry=make_enquiry(), kind=EmailKind.STAFF_ALERT, created_at=long_ago, next_attempt_at=long_ago
    )

    status, body = readiness(client)

    assert status == 503
    assert body["checks"]["unsent_emails"]["ok"] is False
    assert body["checks"]["unsent_emails"]["unsent"] == 1


@pytest.mark.django_db
def test_emails_held_with_their_spam_do_not_make_the_site_unready(client):
    long_ago = timezone.now() - timedelta(days=2)
    spam = make_enquiry(suspected_spam=True)
    OutboxEmail.objects.create(
        enquiry=spam, kind=EmailKind.STAFF_ALERT, created_at=long_ago, next_attempt_at=long_ago
    )

    status, body = readiness(client)

    assert status == 200
    assert body["checks"]["unsent_emails"] == {
        "ok": True,
        "unsent": 0,
        "oldest_unsent_seconds": None,
        "ms": body["checks"]["unsent_emails"]["ms"],
    }
