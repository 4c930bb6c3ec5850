"""Sphinx configuration for the C♥LM workshop site.

The sources live in docs/; this file sits at the repository root, so build with
``sphinx-build -c . docs _build/html`` (``make html`` does). Paths below are
relative to this folder.
"""

import os
import re

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

# MyST: ::: fences for sphinx-design cards, attributes where pages need them, and
# {{ substitutions }} for the workshop's date and place (set once, below).
myst_enable_extensions = ["colon_fence", "attrs_inline", "attrs_block", "substitution"]
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

# ---------------------------------------------------------------------------
# THE WORKSHOP, IN ONE PLACE. Its date and place are set here and nowhere else:
# the home page sentence and badges, the dates page introduction, the event
# metadata (JSON-LD), the calendar and every important-dates check derive from
# them. CONTRIBUTING.md has the checklist for "the workshop moved".
# ---------------------------------------------------------------------------
# The workshop date the seed states; every important-dates table is checked against it.
# A literal, so `calm-dates check` reads it without running this file.
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
workshop_name = "First Workshop on Causality and Large Models (C♥️LM)"
workshop_place = "Vancouver"
conference = "NeurIPS 2024"


def _held_on(when: str) -> str:
    """The date as the home page sentence writes it: a month alone reads "December, 2024" (the seed's form)."""
    month_only = re.fullmatch(r"([A-Z][a-z]+) (\d{4})", when)
    return f"{month_only[1]}, {month_only[2]}" if month_only else when


_announcement = (
    f"The {workshop_name} will be co-located with {conference}, in {workshop_place}, "
    f"and held on {_held_on(calm_dates_workshop)}."
)

# The workshop as a schema.org Event (JSON-LD on the home page) and the calendar name.
calm_dates_event = {
    "name": workshop_name,
    "location": workshop_place,
    # The seed places the workshop in Vancouver with NeurIPS: an in-person event.
    "attendance_mode": "OfflineEventAttendanceMode",
    "description": _announcement,
}

# Search engines' and link previews' summary of every page: the announcement above.
myst_html_meta = {"description": _announcement}

# What the pages write as {{ workshop_date }} and so on. Values are MyST Markdown,
# so the badges are sphinx-design roles.
myst_substitutions = {
    "workshop_name": workshop_name,
    "workshop_place": workshop_place,
    "workshop_date": calm_dates_workshop,
    "workshop_held_on": _held_on(calm_dates_workshop),
    "conference": conference,
    "workshop_badges": " ".join(
        f"{{bdg-primary-line}}`{text}`" for text in (conference, workshop_place, calm_dates_workshop)
    ),
}

linkcheck_timeout = 15
