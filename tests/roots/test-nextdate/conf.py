project = "Next date"
language = "en"
extensions = ["myst_parser", "sphinxext.calm_dates"]
calm_dates_workshop = "December 2024"
calm_dates_now = "2024-06-01T00:00:00Z"
html_favicon = "favicon.svg"
