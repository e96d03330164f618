from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve

# What the web server adds to an uploaded file (docs/deploy.md): never run as a page.
UPLOAD_POLICY = "default-src 'none'; img-src 'self'; sandbox"
UPLOAD_MAX_AGE = 30 * 24 * 60 * 60


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


@require_GET
def uploaded_file(request, path):
    """
    An uploaded image from MEDIA_ROOT, as the web server sends it in production,
    for when there is none in front (``SERVE_MEDIA``, or DEBUG). Documents never:
    the site sends them itself (``/documents/``), keeping their privacy.
    """
    if not (settings.DEBUG or settings.SERVE_MEDIA) or path.startswith("documents/"):
        raise Http404
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation as outside_the_uploads:
        raise Http404 from outside_the_uploads
    response["Content-Security-Policy"] = UPLOAD_POLICY
    patch_cache_control(response, public=True, max_age=UPLOAD_MAX_AGE)
    return response
