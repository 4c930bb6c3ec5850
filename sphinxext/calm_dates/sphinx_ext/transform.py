"""Write time: evaluate each table of a page as of this build's "now", report its findings, render it.

A post-transform runs when a page is written, never when it is read, so a
cached environment cannot show yesterday's status.
"""

from __future__ import annotations

import os
from datetime import UTC
from pathlib import Path

from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..core.block import EvaluatedTable, evaluate_block, table_id
from ..core.names import iso_day
from ..core.subtypes import WARNING_TYPE
from .config import settings_of, state_of
from .nodes import important_dates
from .render import render_table

logger = logging.getLogger(__name__)


class ResolveDatesTables(SphinxPostTransform):
    """Replace every important-dates placeholder with its table."""

    default_priority = 200

    def run(self, **kwargs) -> None:
        placeholders = list(self.document.findall(important_dates))
        if not placeholders:
            return
        settings = settings_of(self.config)
        tables = [evaluate_block(node["block"], settings) for node in placeholders]
        for node, table in zip(placeholders, tables, strict=True):
            # docutils gives reST includes a path relative to the working folder.
            report(self.config, os.path.abspath(node.source or self.env.doc2path(self.env.docname)), table)
        for node, table in zip(placeholders, tables, strict=True):
            wrapper = render_table(table, settings.show_details)
            # Every table can be linked to (the home page's next date does): its :name:, else its position.
            wrapper["ids"] = list(node["ids"]) or [table_id(table)]
            wrapper["names"] = list(node["names"])
            wrapper.source, wrapper.line = node.source, node.line
            node.replace_self(wrapper)


def report(config: Config, source: str, table: EvaluatedTable) -> None:
    """Each finding once per build, at its own line: a warning, or an info line if accepted."""
    reported = state_of(config).reported
    # epub and singlehtml resolve a page more than once; each block is reported once per build.
    key = (source, table.source.line)
    if key in reported:
        return
    reported.add(key)
    for found in table.findings:
        location = f"{source}:{found.line}"
        if found.accepted:
            # Reviewed and listed in calm_dates_accepted: reported, but not a warning.
            logger.info("accepted %s: %s", found.subtype.qualified, found.message, location=location)
        else:
            logger.warning(found.log_message, location=location, type=WARNING_TYPE, subtype=found.subtype.value)
    past = sum(status.past for status in table.statuses)
    if past:
        moment = table.now.astimezone(UTC)
        logger.info(
            "calm_dates: %s: %d of %d dates past as of %s %02d:%02d UTC",
            Path(source),
            past,
            len(table.statuses),
            iso_day(moment.date()),
            moment.hour,
            moment.minute,
        )
