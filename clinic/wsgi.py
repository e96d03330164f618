"""WSGI entry point; gunicorn serves ``clinic.wsgi:application`` in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.production")

application = get_wsgi_application()
