"""Sphinx configuration for the C♥LM workshop site.

The sources live in docs/; this file sits at the repository root, so build with
``sphinx-build -c . docs _build/html`` (``make html`` does). Paths below are
relative to this folder.
"""

import os

project = "C♥LM 2024"
author = "The C♥LM organisers"
copyright = "2024, the C♥LM organisers"
html_title = "C♥LM · Causality and Large Models · NeurIPS 2024"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxext.opengraph",
    "sphinxext.calm_dates",
]

root_doc = "index"
exclude_patterns = ["_build", ".venv", "_static"]

# MyST: ::: fences for sphinx-design cards, attributes where pages need them.
myst_enable_extensions = ["colon_fence", "attrs_inline", "attrs_block"]
myst_heading_anchors = 2

# Theme: furo, with a wordmark for each colour scheme.
html_theme = "furo"
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/calm-favicon.svg"
html_theme_options = {
    "light_logo": "calm-logo-light.svg",
    "dark_logo": "calm-logo-dark.svg",
    "sidebar_hide_name": True,
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# Read the Docs tells the build its public URL; canonical links and event metadata use it.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# Link previews (OpenGraph). On Read the Docs the site URL comes from the build environment.
ogp_site_name = "C♥LM 2024"
ogp_image = "_static/calm-social.png"
ogp_image_alt = "C♥LM: Causality and Large Models, NeurIPS 2024 workshop"
ogp_social_cards = {"enable": False}

# The workshop date the seed states; every important-dates table is checked against it.
calm_dates_workshop = "December 2024"
calm_dates_timezone = "AoE"
# Reviewed findings on the seed's own dates: the workshop page published them this way
# and they stay as published (flagged on the page) until the organisers confirm new ones.
# Listed here, they are reported as "accepted" instead of failing `make check`; any NEW
# inconsistent date still fails it, and so does a changed date on one of these rows (each
# item names the date it accepts). Remove a line once its date is fixed.
calm_dates_accepted = [
    ("docs/dates.md", "Paper submission deadline", "far-before", "June 6, 2022, 23:59 AoE"),
    ("docs/dates.md", "Notification to authors", "far-before", "July 5, 2022, 23:59 AoE"),
    ("docs/dates.md", "Camera-ready version", "far-before", "August 17, 2022, 23:59 AoE"),
    ("docs/dates.md", "Workshop Date", "workshop-mismatch", "August 5, 2022"),
    ("docs/dates.md", "Workshop Date", "out-of-order", "August 5, 2022"),
]
# The workshop as a schema.org Event (JSON-LD on the home page) and the calendar name.
calm_dates_event = {
    "name": "First Workshop on Causality and Large Models (C♥️LM)",
    "location": "Vancouver",
    # The seed places the workshop in Vancouver with NeurIPS: an in-person event.
    "attendance_mode": "OfflineEventAttendanceMode",
    "description": (
        "The First Workshop on Causality and Large Models (C♥️LM) will be co-located with "
        "NeurIPS 2024, in Vancouver, and held on December, 2024."
    ),
}

linkcheck_timeout = 15
