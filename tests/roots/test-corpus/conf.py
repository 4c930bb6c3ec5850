# Every placement of an important-dates block that the build and calm-dates must agree on.
extensions = ["myst_parser", "sphinx_design", "sphinxext.calm_dates"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["excluded.md", "parts"]
calm_dates_workshop = "December 2024"
calm_dates_now = "2024-06-01T00:00:00Z"
