from wagtail.snippets.models import register_snippet

from clinic.viewsets import ClosureViewSet

register_snippet(ClosureViewSet)
