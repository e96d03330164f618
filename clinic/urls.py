from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from clinic import views

urlpatterns = [
    path("admin/two-factor/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("enquiries/", include("enquiries.urls")),
    path("search/", include("sitesearch.urls")),
    path("", include("health.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", views.uploaded_file, name="uploaded_file"),
    # Wagtail's page serving catches everything else, so it goes last.
    path("", include(wagtail_urls)),
]

handler500 = "clinic.views.server_error"
