"""
How fast this machine runs a Django site's kind of Python, in one process.

A recorded reference (Wagtail's bakerydemo, measured on some machine of this
kind) is scaled by this when it cannot be measured in the same run. Rendering
a Wagtail page is Python work: templates walked node by node, objects built
and unpickled, strings escaped and joined. Machines of one kind differ in that
quite unlike serving bytes from memory (the minimal app): two AMD machines
served the minimal app at 6,228 and 8,262 req/s while rendering the treatment
page at 319 and 345. So this times the same kind of work, with nothing of the
site's own code: Django's template engine over a fixed template and context,
and a pickled tree of objects loaded back, as the shared cache does.

Run as a script it prints the workload's rate (rounds a second, the best of
several), so that the bench can run it in a fresh process before any load.
"""

import pickle
import sys
import time

ITEMS = 40
ROUNDS_PER_SAMPLE = 50
SAMPLES = 15

TEMPLATE = """{% for item in items %}<li class="card{% if forloop.first %} card--first{% endif %}">
<h2><a href="{{ item.url }}">{{ item.title }}</a></h2>
{% if item.summary %}<p>{{ item.summary|truncatewords:20 }}</p>{% endif %}
<ul>{% for tag in item.tags %}<li>{{ tag|title }}</li>{% empty %}<li>None</li>{% endfor %}</ul>
{% with count=item.tags|length %}<p>{{ count }} tag{{ count|pluralize }},
{{ item.price|floatformat:2 }}</p>{% endwith %}
</li>{% endfor %}"""


def workload():
    """One round's work, built once: a compiled template, its context, and a pickled tree."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {}}],
            USE_I18N=False,
        )
        django.setup()
    from django.template import Context, Template

    template = Template(TEMPLATE)
    items = [
        {
            "url": f"/treatments/item-{number}/",
            "title": f"Item <{number}> & more",
            "summary": "A few words about what this item is, who it is for and what to expect from it. " * 2,
            "tags": [f"tag {tag}" for tag in range(number % 5)],
            "price": number * 1.25,
        }
        for number in range(ITEMS)
    ]
    pickled = pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)

    def one_round():
        template.render(Context({"items": pickle.loads(pickled)}))  # noqa: S301 (its own bytes)

    return one_round


def rounds_per_second():
    one_round = workload()
    for _ in range(ROUNDS_PER_SAMPLE):
        one_round()
    best = float("inf")
    for _ in range(SAMPLES):
        started = time.perf_counter()
        for _ in range(ROUNDS_PER_SAMPLE):
            one_round()
        best = min(best, time.perf_counter() - started)
    return ROUNDS_PER_SAMPLE / best


if __name__ == "__main__":
    sys.stdout.write(f"{rounds_per_second():.1f}\n")
