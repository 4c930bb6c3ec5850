extensions = ["myst_parser", "sphinxext.calm_dates"]
calm_dates_workshop = "sometime"
calm_dates_timezone = "CET"
calm_dates_now = "yesterday"
calm_dates_max_lead_days = -3
