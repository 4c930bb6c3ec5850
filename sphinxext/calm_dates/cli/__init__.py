"""The ``calm-dates`` command: check and list important-dates blocks without a Sphinx build."""

from .main import main

__all__ = ["main"]
