"""
Template filters for telephone numbers (see ``clinic.phone``)::

    <a href="{{ clinic.phone|tel_href }}">Call us: {{ clinic.phone|phone_number }}</a>
"""

from django import template

from clinic import phone

register = template.Library()

register.filter("phone_number", phone.display)
register.filter("tel_href", phone.tel_href)
