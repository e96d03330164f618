"""
When the page cache forgets: after anything that can change what a public page
shows has committed. Publishing, unpublishing, moving and deleting a page (its
menu entry and listings are on other pages), the clinic's details and closures
(every page shows the hours and the closure banner), view restrictions (a page
that became private must not be served from the cache), sites, and images and
documents (their addresses change with their files), and every site setting
(the enquiry settings show on the contact page; ``shared_data`` keeps them all).
Saving a draft changes nothing a visitor sees, so it forgets nothing. Bank
holidays need nothing: they come with the ``holidays`` package, whose new
versions arrive with a new requirements.txt and so a new release, and each page
is written for as long as it may be kept (``clinic.templatetags.opening_hours_tags``).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from clinic.models import Closure
from pagecache import store

WATCHED_MODELS = (Closure, PageViewRestriction, Site)


def watched_models():
    """The models above, every site setting (the clinic's details among them), images and documents."""
    site_settings = [model for model in settings_registry if issubclass(model, BaseSiteSetting)]
    return (*WATCHED_MODELS, *site_settings, get_image_model(), get_document_model())


class Invalidation:
    """One new generation, and one CDN purge, for everything a transaction changed."""

    def __init__(self):
        self.gone_urls = set()  # addresses pages had before they moved, or were unpublished or deleted
        self.done = False

    def __call__(self):
        self.done = True
        store.start_generation()
        if settings.WAGTAILFRONTENDCACHE:
            purge_frontend_cache(self.gone_urls)


def purge_frontend_cache(extra_urls=()):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch(urls=extra_urls)
    batch.add_pages(Page.objects.live().specific(defer=True))
    batch.purge()


def invalidate(gone_urls=()):
    """Forget every cached page once the current transaction commits (at once if there is none)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        invalidation = Invalidation()
        invalidation.gone_urls.update(gone_urls)
        invalidation()
        return
    pending = next(
        # Not one that already ran (a test's captured callbacks stay listed after running).
        (
            callback
            for _, callback, _ in connection.run_on_commit
            if isinstance(callback, Invalidation) and not callback.done
        ),
        None,
    )
    if pending is None:
        pending = Invalidation()
        transaction.on_commit(pending)
    pending.gone_urls.update(gone_urls)


def full_urls(url_path):
    """A page's public address from its ``url_path``, as it is or as it was before a move."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return [root.root_url + url_path[len(root.root_path) - 1 :]]
    return []


def page_went_live(sender, instance, **kwargs):
    invalidate()


def page_left(sender, instance, **kwargs):
    invalidate(full_urls(instance.url_path))


def page_moved(sender, instance, url_path_before, **kwargs):
    invalidate(full_urls(url_path_before))


def shown_on_pages_changed(sender, instance, **kwargs):
    invalidate()


def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(full_urls(instance.url_path))


def connect():
    page_published.connect(page_went_live, dispatch_uid="pagecache.page_published")
    page_unpublished.connect(page_left, dispatch_uid="pagecache.page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache.post_page_move")
    post_delete.connect(deleted, dispatch_uid="pagecache.page_deleted")
    for model in watched_models():
        for signal in (post_save, post_delete):
            uid = f"pagecache.{model._meta.label}"
            signal.connect(shown_on_pages_changed, sender=model, dispatch_uid=uid)
