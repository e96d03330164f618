"""
Recipes for the pictures the loader draws with Pillow (no files are downloaded):
abstract listing images for the treatments, and an illustration for the home page.
"""

# Muted teal and sand palette for the generated listing images.
TEAL_DEEP = "#2f6f6a"
TEAL = "#5e9b94"
TEAL_LIGHT = "#a8cbc5"
MIST = "#dde9e5"
SAND_LIGHT = "#f3ece0"
SAND = "#e6d5b8"
SAND_DEEP = "#c8aa80"

WINDOW = "#d9ecf2"
WHITE = "#fbfaf7"

# Image recipes: a size (1600 x 1000 unless given), a vertical gradient, then
# shapes. Positions and sizes are fractions of the picture's height (y, r,
# width) and width (x); opacity is 0-255. "alt" describes the picture in the
# image library; a page that shows it decoratively says so itself.
# ("circle", x, y, r, colour, opacity)
# ("ring", x, y, r, line_width, colour, opacity)
# ("line", x1, y1, x2, y2, line_width, colour, opacity)
# ("rect", x, y, w, h, radius, colour, opacity): x and w of the width, the rest of the height

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

TREATMENT_ROOM_IMAGE = {
    "title": "Demo picture: treatment room",
    "filename": "demo-treatment-room.jpg",
    "size": (1600, 1200),
    "alt": "Illustration of a calm treatment room: a teal treatment couch beneath a bright window, "
    "with a plant in a pot beside it",
    "gradient": (SAND_LIGHT, SAND),
    "shapes": [
        ("rect", 0.0, 0.72, 1.0, 0.28, 0, SAND_DEEP, 120),  # floor
        ("rect", 0.12, 0.12, 0.34, 0.4, 0.02, WHITE, 255),  # window frame
        ("rect", 0.135, 0.14, 0.31, 0.36, 0.01, WINDOW, 255),  # glass
        ("line", 0.295, 0.14, 0.295, 0.5, 0.012, WHITE, 255),
        ("line", 0.135, 0.32, 0.445, 0.32, 0.012, WHITE, 255),
        ("circle", 0.2, 0.26, 0.05, WHITE, 150),  # light on the glass
        ("rect", 0.24, 0.62, 0.56, 0.09, 0.04, TEAL, 255),  # couch top
        ("rect", 0.24, 0.6, 0.13, 0.05, 0.025, MIST, 255),  # pillow
        ("rect", 0.29, 0.71, 0.02, 0.12, 0, TEAL_DEEP, 255),  # legs
        ("rect", 0.71, 0.71, 0.02, 0.12, 0, TEAL_DEEP, 255),
        ("rect", 0.83, 0.66, 0.09, 0.14, 0.02, SAND_DEEP, 255),  # pot
        ("circle", 0.855, 0.56, 0.07, TEAL_DEEP, 235),  # leaves
        ("circle", 0.9, 0.52, 0.06, TEAL, 235),
        ("circle", 0.875, 0.46, 0.05, TEAL_LIGHT, 235),
    ],
}


def portrait(name, filename, jumper):
    """An illustrated stand-in for a practitioner's photo: head and shoulders on a soft background."""
    return {
        "title": f"Demo portrait: {name}",
        "filename": filename,
        "size": (960, 960),
        "alt": f"Illustration standing in for a photo of {name}",
        "gradient": (MIST, TEAL_LIGHT),
        "shapes": [
            ("circle", 0.5, 1.08, 0.46, jumper, 255),  # shoulders
            ("rect", 0.44, 0.58, 0.12, 0.14, 0.04, SAND_DEEP, 255),  # neck
            ("circle", 0.5, 0.42, 0.2, SAND, 255),  # face
        ],
    }


PRACTITIONER_PORTRAITS = {
    "anya-patel": portrait("Anya Patel", "demo-portrait-anya-patel.jpg", TEAL_DEEP),
    "tom-ellis": portrait("Tom Ellis", "demo-portrait-tom-ellis.jpg", SAND_DEEP),
}
