"""
How a rule's phrase finds wording in page text.

Staff write plain words, never a regular expression: each word is escaped and
given the endings English adds to it, so "cure" finds "cures", "cured" and
"curing", and "ear infection" finds "ear infections". A phrase matches whole
words only ("cure" is not found in "secure"), whatever the case, and its words
may be separated by spaces or hyphens ("pain free", "pain-free"). The patterns
are built from literal words alone, so matching takes time in proportion to the
text, whatever a phrase says.
"""

import re
from functools import lru_cache

from django.core.exceptions import ValidationError

PHRASE_MAX_LENGTH = 80
PHRASE_MAX_WORDS = 8
# Letters and digits, with the apostrophes, hyphens and percent signs real phrases use.
PHRASE_CHARACTERS = re.compile(r"[\w\s'’%-]+")
WORD_SEPARATOR = re.compile(r"[\s‐‑–-]+")
# Between words in the text: spaces, hyphens or dashes (and "pain - free").
TEXT_SEPARATOR = r"[\s‐‑–-]+"
# Words this short ("a", "of", "in") are matched as written.
SHORTEST_INFLECTED_WORD = 3


def words(phrase):
    return [word for word in WORD_SEPARATOR.split(phrase.strip()) if word]


def validate_phrase(phrase):
    if not PHRASE_CHARACTERS.fullmatch(phrase) or not re.search(r"[^\W_]", phrase):
        raise ValidationError(
            "Use plain words: letters, digits, spaces, hyphens, apostrophes and %.", code="invalid"
        )
    if len(words(phrase)) > PHRASE_MAX_WORDS:
        raise ValidationError(f"Use at most {PHRASE_MAX_WORDS} words.", code="too_long")


def word_pattern(word):
    """One word and its simple inflections: plurals, past tense and -ing."""
    word = word.lower().replace("’", "'")
    if not word.isalpha() or len(word) < SHORTEST_INFLECTED_WORD:
        return re.escape(word).replace("'", "['’]")
    if word.endswith("ee"):  # guarantee: guarantees, guaranteed, guaranteeing
        return re.escape(word) + "(?:s|d|ing)?"
    if word.endswith("e"):  # cure: cures, cured, curing
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if word.endswith("y") and word[-2] not in "aeiou":  # baby: babies; remedy: remedied
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    if word.endswith("ies"):  # babies, as a phrase may be written: baby too
        return re.escape(word[:-3]) + "(?:y|ies)"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):  # effects: effect too
        return re.escape(word[:-1]) + "s?"
    if word.endswith(("s", "x", "z", "ch", "sh")):  # detox: detoxes, detoxed, detoxing
        return re.escape(word) + "(?:es|ed|ing)?"
    # treat: treats, treated, treating; and a doubled last letter (stop: stopped, stopping).
    return re.escape(word) + f"(?:s|ed|ing|{re.escape(word[-1])}(?:ed|ing))?"


@lru_cache(maxsize=512)
def phrase_pattern(phrase):
    """The compiled pattern for a phrase; the same phrase is compiled once per process."""
    body = TEXT_SEPARATOR.join(word_pattern(word) for word in words(phrase))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
