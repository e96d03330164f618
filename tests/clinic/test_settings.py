"""Settings are safe by default and production refuses to start half-configured."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROJECT_DIR = settings.BASE_DIR


def run_python(code, **env):
    """Run ``code`` in a fresh interpreter with only ``env`` (and PATH) set."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import clinic.settings.production", ALLOWED_HOSTS="clinic.example")

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python("import clinic.settings.production", SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both_and_keeps_debug_off():
    result = run_python(
        "import clinic.settings.production as s; print(s.DEBUG, s.ALLOWED_HOSTS)",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="clinic.example, www.clinic.example",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['clinic.example', 'www.clinic.example']"


def test_base_settings_have_debug_off_and_no_secret_key():
    result = run_python("import json, clinic.settings.base as s; print(json.dumps([s.DEBUG, s.SECRET_KEY]))")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, ""]


def test_admin_makes_no_calls_to_outside_hosts():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAILEMBEDS_FINDERS == []


def production_cache(**env):
    result = run_python(
        "import clinic.settings.production as s; c = s.CACHES['default']; print(c['BACKEND'], c['LOCATION'])",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="clinic.example",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_shares_its_cache_through_redis_when_one_is_named():
    assert production_cache(REDIS_URL="redis://cache.internal:6379/0") == [
        "clinic.cache.SharedRedisCache",
        "redis://cache.internal:6379/0",
    ]
    assert production_cache(CACHE_URL="redis://other:6379/2")[1] == "redis://other:6379/2"


def test_production_without_redis_shares_a_database_table_never_process_memory():
    assert production_cache() == ["django.core.cache.backends.db.DatabaseCache", "django_cache"]


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
    "SECRET_KEY": "k3y-" + "9Xq2vLr8ZtW5mNb7" * 4,
    "ALLOWED_HOSTS": "www.clinic.example",
    "WAGTAILADMIN_BASE_URL": "https://www.clinic.example",
}


def test_production_passes_djangos_deployment_checks_with_no_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env={"PATH": os.environ["PATH"], **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_host_only_and_hidden_from_scripts():
    code = (
        "import json, clinic.settings.production as s; print(json.dumps([s.SESSION_COOKIE_NAME, "
        "s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS >= 31536000]))"
    )
    result = run_python(code, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "__Host-sessionid",
        "__Host-csrftoken",
        True,
        True,
        True,
        True,
        "Lax",
        True,
    ]


def test_hsts_preload_is_a_decision_an_operator_makes():
    code = (
        "import clinic.settings.production as s; "
        "print(s.SECURE_HSTS_PRELOAD, getattr(s, 'SILENCED_SYSTEM_CHECKS', []))"
    )
    assert run_python(code, **PRODUCTION).stdout.strip() == "False ['security.W021']"
    assert run_python(code, SECURE_HSTS_PRELOAD="true", **PRODUCTION).stdout.strip() == "True []"


def test_each_test_process_removes_its_uploads_folder_when_it_ends():
    result = run_python(
        "import os, pathlib, sys; from clinic.settings import test\n"
        "pathlib.Path(test.MEDIA_ROOT, 'upload.jpg').write_bytes(b'x')\n"
        "if os.fork() == 0: sys.exit(0)\n"
        "os.wait(); print(test.MEDIA_ROOT, os.path.isdir(test.MEDIA_ROOT))"
    )
    folder, kept_after_a_child_ended = result.stdout.split()

    assert result.returncode == 0, result.stderr
    assert kept_after_a_child_ended == "True"
    assert not os.path.exists(folder)
