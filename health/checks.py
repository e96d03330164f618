"""
Readiness checks for the parts every deployment has: the database, the shared
cache and the task queue. Apps add checks of their own in
``settings.HEALTH_READINESS_CHECKS`` (``enquiries.health`` does).

Each check returns a dict with ``ok`` and a few numbers; what it reports is safe
to show anyone: no host names, no settings, no error text (only its class).
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.utils import timezone


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def shared_cache():
    """A round trip through the cache every worker and server shares."""
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        return {"ok": cache.get(key) == "ok"}
    finally:
        cache.delete(key)


def task_backlog():
    """Tasks waiting for the worker: too many, or one waiting too long, means the worker is stuck or down."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return {"ok": True, "waiting": 0}  # tasks run at once, inside the request
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    waiting_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=Greatest("enqueued_at", "run_after")
    )
    backlog = ready.aggregate(oldest=Min(waiting_since))
    waiting = ready.count()
    oldest = seconds_since(backlog["oldest"])
    return {
        "ok": waiting <= settings.HEALTH_MAX_TASKS_WAITING
        and (oldest or 0) <= settings.HEALTH_MAX_TASK_WAIT_SECONDS,
        "waiting": waiting,
        "oldest_waiting_seconds": oldest,
    }


def seconds_since(moment):
    return None if moment is None else max(0, round((timezone.now() - moment).total_seconds()))
