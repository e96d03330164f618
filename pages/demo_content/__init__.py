"""
The clinic's demo content, loaded by ``manage.py load_demo_content``.

Plain data only, so the wording can be reviewed and edited without reading any
loader code. Each page is a node: ``model`` (an app label and model name),
``fields`` (passed to the model; StreamField bodies are lists of
``(block_type, value)`` tuples) and optional ``children``, ``images``
(``{field: recipe}``: pictures drawn with Pillow, each with its alternative
text or marked decorative) and ``relations`` (other pages named by slug, set
once every page exists: see ``health.py``).

Rich text uses plain HTML limited to the features the blocks allow. Links
between our own pages are written as relative addresses such as "/contact/".
"""

from .details import CLINIC, CLINIC_PAGE_LINKS
from .health import CONDITIONS, TEAM
from .images import TREATMENT_ROOM_IMAGE
from .information import ABOUT, ACCESSIBILITY, CONTACT, HOME, PRIVACY, YOUR_VISIT
from .treatments import TREATMENTS

# The home page and everything under it, in menu order.
SITE = {
    "model": "pages.HomePage",
    "fields": HOME,
    "images": {"hero_image": TREATMENT_ROOM_IMAGE},
    "children": [TREATMENTS, CONDITIONS, TEAM, ABOUT, YOUR_VISIT, CONTACT, PRIVACY, ACCESSIBILITY],
}


__all__ = ["CLINIC", "CLINIC_PAGE_LINKS", "SITE"]
