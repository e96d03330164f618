"""Recipes for the abstract listing images the loader draws with Pillow (no files are downloaded)."""

# Muted teal and sand palette for the generated listing images.
TEAL_DEEP = "#2f6f6a"
TEAL = "#5e9b94"
TEAL_LIGHT = "#a8cbc5"
MIST = "#dde9e5"
SAND_LIGHT = "#f3ece0"
SAND = "#e6d5b8"
SAND_DEEP = "#c8aa80"

# Image recipes: a vertical gradient plus shapes. Positions and sizes are
# fractions of the picture's height (y, r, width) and width (x); opacity is 0-255.
# ("circle", x, y, r, colour, opacity)
# ("ring", x, y, r, line_width, colour, opacity)
# ("line", x1, y1, x2, y2, line_width, colour, opacity)

OSTEOPATHY_IMAGE = {
    "title": "Demo listing image: osteopathy",
    "filename": "demo-osteopathy.jpg",
    "alt": "Abstract illustration of a column of soft teal circles on a sand background",
    "gradient": (SAND_LIGHT, SAND),
    "shapes": [
        ("circle", 0.78, 0.55, 0.55, MIST, 150),
        ("circle", 0.5, 0.14, 0.075, TEAL_LIGHT, 230),
        ("circle", 0.5, 0.32, 0.085, TEAL, 210),
        ("circle", 0.5, 0.51, 0.095, TEAL, 220),
        ("circle", 0.5, 0.71, 0.1, TEAL_DEEP, 200),
        ("circle", 0.5, 0.91, 0.105, TEAL_DEEP, 230),
        ("ring", 0.2, 0.8, 0.3, 0.012, SAND_DEEP, 160),
    ],
}

ACUPUNCTURE_IMAGE = {
    "title": "Demo listing image: medical acupuncture",
    "filename": "demo-medical-acupuncture.jpg",
    "alt": "Abstract illustration of three fine lines, each ending in a small teal dot",
    "gradient": (MIST, SAND_LIGHT),
    "shapes": [
        ("circle", 0.3, 0.6, 0.42, SAND, 170),
        ("line", 0.12, 0.1, 0.34, 0.55, 0.006, TEAL_DEEP, 210),
        ("line", 0.47, 0.05, 0.55, 0.42, 0.006, TEAL_DEEP, 210),
        ("line", 0.86, 0.12, 0.7, 0.62, 0.006, TEAL_DEEP, 210),
        ("circle", 0.34, 0.55, 0.04, TEAL, 240),
        ("circle", 0.55, 0.42, 0.04, TEAL, 240),
        ("circle", 0.7, 0.62, 0.04, TEAL, 240),
        ("ring", 0.55, 0.42, 0.12, 0.01, TEAL_LIGHT, 200),
        ("ring", 0.7, 0.62, 0.18, 0.01, TEAL_LIGHT, 150),
    ],
}

MASSAGE_IMAGE = {
    "title": "Demo listing image: deep tissue massage",
    "filename": "demo-deep-tissue-massage.jpg",
    "alt": "Abstract illustration of soft overlapping waves in teal and sand",
    "gradient": (SAND_LIGHT, MIST),
    "shapes": [
        ("circle", 0.15, 1.55, 1.0, SAND, 220),
        ("circle", 0.55, 1.65, 1.0, TEAL_LIGHT, 190),
        ("circle", 0.95, 1.75, 1.0, TEAL, 170),
        ("circle", 0.35, 1.95, 1.0, TEAL_DEEP, 150),
        ("circle", 0.82, 0.22, 0.12, SAND_DEEP, 170),
    ],
}

ELECTROTHERAPY_IMAGE = {
    "title": "Demo listing image: electrotherapy",
    "filename": "demo-electrotherapy.jpg",
    "alt": "Abstract illustration of rings spreading out from a teal centre",
    "gradient": (MIST, SAND),
    "shapes": [
        ("circle", 0.42, 0.5, 0.1, TEAL_DEEP, 230),
        ("ring", 0.42, 0.5, 0.2, 0.012, TEAL, 220),
        ("ring", 0.42, 0.5, 0.32, 0.012, TEAL, 180),
        ("ring", 0.42, 0.5, 0.45, 0.012, TEAL_LIGHT, 160),
        ("ring", 0.42, 0.5, 0.6, 0.012, TEAL_LIGHT, 120),
        ("circle", 0.85, 0.25, 0.16, SAND_DEEP, 130),
    ],
}
