"""
Template filters for the clinic's and patients' contact details::

    <a href="{{ clinic.phone|tel_href }}">Call us: {{ clinic.phone|phone_number }}</a>
    <a href="mailto:{{ clinic.email }}">{{ clinic.email|breakable_email }}</a>
"""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from clinic import phone

register = template.Library()

register.filter("phone_number", phone.display)
register.filter("tel_href", phone.tel_href)


@register.filter(needs_autoescape=True)
def breakable_email(address, autoescape=True):
    """
    An email address that moves to a line of its own on a narrow screen and,
    only if it is still too long, wraps before its @ or a dot, never inside a
    word (info@clayhallosteop / ath.com is what the browser did before).
    """
    text = conditional_escape(address) if autoescape else str(address)
    # Escaped text holds no @ or dot of its own (entities use & and ;), so only the address's get a break.
    breakable = re.sub(r"(?=[@.])", "<wbr>", text)
    # One box (site.css): it moves to a line of its own before it breaks at all.
    return mark_safe(f'<span class="email-address">{breakable}</span>')
