"""The Sphinx-free core of calm_dates: model, zones, parsing, checking, status, settings, outputs.

Nothing here imports Sphinx or docutils (a test enforces it), so the
``calm-dates`` command and the Sphinx extension share one evaluation:
``evaluate_block(BlockSource, Settings, now) -> EvaluatedTable``.
"""

from .block import BlockSource, EvaluatedTable, LocatedFinding, evaluate_block
from .settings import DECLARATIONS, AcceptedItem, Problem, Settings, load_settings
from .subtypes import WARNING_TYPE, Subtype

__all__ = [
    "DECLARATIONS",
    "WARNING_TYPE",
    "AcceptedItem",
    "BlockSource",
    "EvaluatedTable",
    "LocatedFinding",
    "Problem",
    "Settings",
    "Subtype",
    "evaluate_block",
    "load_settings",
]
