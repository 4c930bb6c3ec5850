project = "Live"
language = "en"
extensions = ["myst_parser", "sphinxext.calm_dates"]
calm_dates_workshop = "December 2024"
# Built at T0; the browser tests view the page later with a controlled clock.
calm_dates_now = "2024-06-01T00:00:00Z"
calm_dates_event = {
    "name": "Live </script><script>alert('event')</script> Workshop",
    "location": "Vancouver",
    "attendance_mode": "OfflineEventAttendanceMode",
    "description": "A test event & its <description>.",
    "url": "https://example.org/live/",
}
html_favicon = "favicon.svg"  # so the browser does not ask for a missing /favicon.ico
