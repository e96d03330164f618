"""
``/healthz``: the process is alive (it answers without touching anything else).
``/readyz``: it can serve: the database and the shared cache answer, and the
work queued behind it (tasks, enquiry emails) is not piling up.

Both answer JSON with ``Cache-Control: no-store``; ``/readyz`` is 503 when any
check fails or cannot run.
"""

import logging
import time

from django.conf import settings
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    results = {path.rsplit(".", 1)[1]: run(path) for path in settings.HEALTH_READINESS_CHECKS}
    ready = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "checks": results}, status=200 if ready else 503
    )


def run(path):
    started = time.monotonic()
    try:
        result = import_string(path)()
    except Exception as error:  # noqa: BLE001 - a check that cannot run means not ready, never a 500
        logger.warning("Readiness check %s failed: %s", path, type(error).__name__)
        result = {"ok": False, "error": type(error).__name__}
    return {**result, "ms": round((time.monotonic() - started) * 1000)}
