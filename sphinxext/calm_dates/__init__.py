"""sphinxext.calm_dates: a workshop's important dates, checked, flagged and rendered.

Text → parse → check → status → render; see README.md in this folder for the reference.
Importing the package costs nothing: Sphinx is imported only by setup(), so the
``calm-dates`` command can use the same parse and check code without it.
"""

__version__ = "0.1.0"


def setup(app):
    from .extension import setup as setup_extension

    return setup_extension(app, __version__)
