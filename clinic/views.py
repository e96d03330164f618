from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.http import require_GET


def server_error(request):
    """
    Render the 500 page without touching the database.

    The error may be the database itself, so the page uses a plain context
    (no context processors, hence no site setting) and the clinic's contact
    details from Django settings.
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"clinic": settings.CLINIC_FALLBACK_CONTACT}))


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
