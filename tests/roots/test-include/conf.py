extensions = ["myst_parser", "sphinxext.calm_dates"]
calm_dates_workshop = "December 2024"
calm_dates_now = "2024-06-01T00:00:00Z"
# Included fragments are not pages of their own.
exclude_patterns = ["parts"]
# Accepted where the table is written: in the included file, not the page that includes it.
calm_dates_accepted = [("parts/dates.md", "Old deadline", "far-before", "June 6, 2022")]
