"""
The check itself: which of the rules' phrases a page's text contains, and where.

``check_page`` works on any page object, saved or not: the page editor's form
instance after saving, or a revision's copy of the page.
"""

from dataclasses import dataclass

from claims.models import ClaimRule
from claims.page_text import page_texts

# Characters of text either side of the words found, in an excerpt.
EXCERPT_CONTEXT = 50


@dataclass(frozen=True)
class Finding:
    rule: ClaimRule
    where: str  # the field or block, as the editor knows it: "Body › block 3, Text"
    found: str  # the words as the page has them: "Cured"
    before: str  # some of the text either side, for an excerpt
    after: str

    @property
    def excerpt(self):
        return f"{self.before}{self.found}{self.after}"

    @property
    def category(self):
        return self.rule.get_category_display()

    @property
    def reason(self):
        return self.rule.reason

    @property
    def suggestion(self):
        return self.rule.suggestion


def check_page(page, rules=None):
    """Every finding on the page, in the order the page shows them."""
    rules = list(ClaimRule.objects.all()) if rules is None else rules
    return [
        finding for where, text in page_texts(page.specific) for finding in check_text(text, rules, where)
    ]


def check_text(text, rules, where=""):
    """
    Findings in one piece of text. Where phrases overlap, the longest one wins,
    so "infant colic" is reported once, under its own rule rather than "colic"'s.
    """
    text = " ".join(text.split())
    matches = [(match.start(), match.end(), rule) for rule in rules for match in rule.pattern.finditer(text)]
    kept = []
    for start, end, rule in sorted(matches, key=lambda match: (match[0] - match[1], match[0])):
        if all(end <= kept_start or start >= kept_end for kept_start, kept_end, _ in kept):
            kept.append((start, end, rule))
    return [
        Finding(rule, where, text[start:end], *context(text, start, end))
        for start, end, rule in sorted(kept, key=lambda match: match[0])
    ]


def context(text, start, end):
    """Some of the text before and after the words found, cut at spaces, with … where it was cut."""
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    if start > EXCERPT_CONTEXT and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + EXCERPT_CONTEXT < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return before, after
