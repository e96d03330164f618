"""
A part of the page that many pages show the same way, rendered once for each
state of the site and kept with the rest of its shared data::

    {% load shared_fragments %}
    {% today as today %}{% sharedfragment "footer" today %}...{% endsharedfragment %}

The first argument names the fragment (each name is used once, in one
template); the others are what else it depends on, beyond the site it is for
and what the site's content and settings say (the page cache's generation,
which every change replaces). The footer, for example, is the same on every
page of a site for a whole day.

It goes through ``shared_data.remember``, so it is forgotten with the
generation, on every server at once, and travels in the one round trip that
brings an address everything else it took. Nothing kept here may depend on
who is visiting: no token, message or anything typed belongs inside one. A
blank form's fields may (``enquiries/includes/enquiry_form.html``), varied by
what the address chose in them; its token and start time stay outside.
"""

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from wagtail.models import Site

from pagecache.shared_data import remember

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            return self.nodelist.render(context)
        varies = ":".join(str(expression.resolve(context)) for expression in self.vary_on)
        key = f"fragment:{self.name.resolve(context)}:{site.pk}:{varies}"
        return remember(request, key, lambda: mark_safe(self.nodelist.render(context)))


@register.tag("sharedfragment")
def do_shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs the fragment's name.")
    nodelist = parser.parse(("endsharedfragment",))
    parser.delete_first_token()
    name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return SharedFragmentNode(nodelist, name, vary_on)


@register.simple_tag
def today():
    """The clinic's date, what a fragment shown by the day varies by ({% now %} took six times as long)."""
    return timezone.localdate()
