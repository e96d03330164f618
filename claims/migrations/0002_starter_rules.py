"""
The starter list of risky wording, in the clinic's own words.

Written out here rather than read from the app, so the migration always adds
what it added the first time. Rows that exist (staff may have added the same
phrase already) are left as they are; undoing the migration removes only the
rows it added that nobody has edited since.
"""

from django.db import migrations
from django.db.models.functions import Lower

ACCEPTED_LIST = (
    "Osteopaths may refer to the conditions on the accepted list, such as back pain, neck pain, "
    "headaches that start in the neck, joint pain and minor sports injuries. Claims about other "
    "conditions need robust evidence, and the ASA has not accepted the evidence for this one."
)
NOT_WHAT_WE_TREAT = (
    "Leave it out of what we treat. If it matters to the page, suggest seeing a GP about it."
)
FOR_THE_MIDWIFE = "Remove the claim. This is a matter for the patient's midwife or GP."

# (phrase, category, reason, suggestion)
STARTER_RULES = [
    (
        "cure",
        "absolute",
        "No treatment works for everyone, and the advertising rules do not accept a claim that "
        "osteopathy cures a condition.",
        "Say what treatment may do, for example “osteopathy may help to ease back pain”.",
    ),
    (
        "guarantee",
        "absolute",
        "A promise of results is an absolute claim, which the rules do not allow: results vary from "
        "person to person.",
        "Say what usually happens, for example “many people find their pain eases after a few "
        "appointments”.",
    ),
    (
        "100% effective",
        "absolute",
        "No treatment is effective for everyone, so this is an absolute claim.",
        "Say that treatment may help, and that we will tell patients if we think it will not.",
    ),
    (
        "permanent relief",
        "absolute",
        "A promise of lasting results is an absolute claim, and no evidence can back it.",
        "Talk about easing symptoms, and about what patients can do to stop them coming back.",
    ),
    (
        "pain-free",
        "absolute",
        "Promising an end to pain is an absolute claim.",
        "Say that treatment aims to ease pain.",
    ),
    (
        "miracle",
        "absolute",
        "Words such as “miracle” exaggerate what treatment can do.",
        "Describe the treatment plainly: what happens, and what it may help with.",
    ),
    (
        "no side effect",
        "absolute",
        "Every treatment can have side effects, even if they are mild, so saying it has none is an "
        "absolute claim.",
        "Say which side effects are common (soreness for a day or two, say) and that serious ones are "
        "rare.",
    ),
    (
        "clinically proven",
        "absolute",
        "A claim that something is proven needs robust evidence for exactly what is claimed, which the "
        "ASA rarely accepts for hands-on treatment.",
        "Say what the research suggests, for example “research suggests hands-on treatment can help "
        "many people with back pain”.",
    ),
    ("colic", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    ("asthma", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    ("bedwetting", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    ("ear infection", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    ("glue ear", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    ("infertility", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    ("irritable bowel syndrome", "condition", ACCEPTED_LIST, NOT_WHAT_WE_TREAT),
    (
        "infant colic",
        "children",
        "The ASA has ruled against osteopaths and chiropractors who claimed to help infant colic: the "
        "evidence does not support it.",
        "Remove the claim. Parents worried about a baby's crying should speak to their health visitor "
        "or GP.",
    ),
    (
        "baby colic",
        "children",
        "The ASA has ruled against osteopaths and chiropractors who claimed to help colic in babies: "
        "the evidence does not support it.",
        "Remove the claim. Parents worried about a baby's crying should speak to their health visitor "
        "or GP.",
    ),
    (
        "treat babies",
        "children",
        "Claims that osteopathy helps babies' conditions need robust evidence, which the ASA has not "
        "accepted.",
        "If the page mentions babies at all, describe the assessment rather than conditions, and say "
        "that we refer to a GP or health visitor when needed.",
    ),
    (
        "plagiocephaly",
        "children",
        "Claims to treat a flat head (plagiocephaly) in babies are not supported by evidence the ASA "
        "accepts.",
        "Remove the claim. Parents should speak to their health visitor or GP.",
    ),
    (
        "breech",
        "pregnancy",
        "Claims that treatment can turn a breech baby are not supported by evidence the ASA accepts.",
        FOR_THE_MIDWIFE,
    ),
    (
        "induce labour",
        "pregnancy",
        "Claims that treatment can start labour are not supported by robust evidence.",
        FOR_THE_MIDWIFE,
    ),
    (
        "easier birth",
        "pregnancy",
        "Claims of an easier or shorter labour or birth are not supported by robust evidence.",
        FOR_THE_MIDWIFE,
    ),
    (
        "morning sickness",
        "pregnancy",
        "Sickness in pregnancy is not on the list of conditions osteopaths may say they help.",
        FOR_THE_MIDWIFE,
    ),
    (
        "boost your immune system",
        "other",
        "Claims that hands-on treatment boosts the immune system are not supported by evidence the ASA "
        "accepts.",
        "Remove the claim.",
    ),
    (
        "detox",
        "other",
        "Claims that treatment rids the body of toxins are not supported by evidence.",
        "Say what the treatment does, for example “massage can ease tight, aching muscles”.",
    ),
]


def add_starter_rules(apps, schema_editor):
    ClaimRule = apps.get_model("claims", "ClaimRule")
    existing = set(ClaimRule.objects.annotate(lower=Lower("phrase")).values_list("lower", flat=True))
    ClaimRule.objects.bulk_create(
        ClaimRule(phrase=phrase, category=category, reason=reason, suggestion=suggestion)
        for phrase, category, reason, suggestion in STARTER_RULES
        if phrase.lower() not in existing
    )


def remove_starter_rules(apps, schema_editor):
    ClaimRule = apps.get_model("claims", "ClaimRule")
    for phrase, category, reason, suggestion in STARTER_RULES:
        ClaimRule.objects.filter(phrase=phrase, category=category, reason=reason, suggestion=suggestion).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(add_starter_rules, remove_starter_rules)]
