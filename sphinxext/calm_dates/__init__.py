"""sphinxext.calm_dates: a workshop's important dates, checked, flagged and rendered.

Layers: ``core`` (Sphinx-free model, parsing, checking, status, settings, outputs),
``sphinx_ext`` (directive, nodes, collector, post-transform) and ``cli`` (the
``calm-dates`` command). README.md in this folder is the reference. Importing
the package costs nothing: Sphinx is imported only by setup().
"""

__version__ = "0.2.0"


def setup(app):
    from .sphinx_ext import setup as setup_extension

    return setup_extension(app, __version__)
