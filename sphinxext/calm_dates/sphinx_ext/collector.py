"""Per-page state: which pages hold tables, and until when each page's statuses stay as last written.

Status depends on "now", but a page needs writing again only when a status on
it would change (an entry's end is reached), when it or a file it includes
changed (Sphinx re-reads it), or when a calm_dates_* value changed. The
collector keeps, per page, the window in which its statuses hold and the
settings it was evaluated with, and hands Sphinx exactly the pages that fall
outside it.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from datetime import datetime

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging

from ..core.accepted import review_accepted
from ..core.block import BlockSource, evaluate_block
from ..core.settings import Settings
from ..core.status import status_window
from ..core.subtypes import WARNING_TYPE
from .config import settings_of, state_of
from .nodes import important_dates, next_date

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageRecord:
    """A page's blocks as read, and the moments between which their statuses hold under ``settings_key``."""

    blocks: tuple[BlockSource, ...]
    settings_key: str
    valid_from: datetime | None
    valid_until: datetime | None

    def holds_at(self, now: datetime, settings: Settings) -> bool:
        return (
            self.settings_key == settings.key
            and (self.valid_from is None or self.valid_from <= now)
            and (self.valid_until is None or now < self.valid_until)
        )


def page_record(blocks: tuple[BlockSource, ...], settings: Settings) -> PageRecord:
    tables = [evaluate_block(block, settings) for block in blocks]
    valid_from, valid_until = status_window([entry for table in tables for entry in table.entries], settings.now)
    return PageRecord(blocks, settings.key, valid_from, valid_until)


class DatesStore(Domain):
    """Where the records live: domain data is created, pickled and version-checked by Sphinx.

    It declares no directives or roles; DatesCollector fills, purges and merges it.
    """

    name = "calm_dates"
    label = "Important dates"
    data_version = 1
    # followers: pages with a next-date, rewritten whenever any table's status or blocks change.
    initial_data = {"pages": {}, "settings_key": "", "followers": set(), "tables_digest": ""}

    @property
    def pages(self) -> dict[str, PageRecord]:
        return self.data["pages"]

    def clear_doc(self, docname: str) -> None:
        """The collector purges (clear_doc below)."""

    def merge_domaindata(self, docnames: set[str], otherdata: dict) -> None:
        """The collector merges (merge_other below)."""


def store(env: BuildEnvironment) -> DatesStore:
    return env.get_domain(DatesStore.name)


def pages_with_tables(env: BuildEnvironment) -> set[str]:
    return set(store(env).pages)


def may_hold_tables(app: Sphinx, docname: str) -> bool:
    """Whether a page being written can hold a table: it had one when read, or the builder joins pages.

    Handlers ask this before walking a page's doctree, so pages without dates cost nothing.
    """
    return docname in store(app.env).pages or app.builder.name == "singlehtml"


def may_hold_next_date(app: Sphinx, docname: str) -> bool:
    return docname in store(app.env).data["followers"] or app.builder.name == "singlehtml"


class DatesCollector(EnvironmentCollector):
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        store(env).pages.pop(docname, None)
        store(env).data["followers"].discard(docname)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        # A parallel reader's environment comes back pickled, without live domain objects.
        theirs = other.domaindata[DatesStore.name]
        store(env).pages.update(
            {docname: theirs["pages"][docname] for docname in docnames if docname in theirs["pages"]}
        )
        store(env).data["followers"] |= theirs["followers"] & set(docnames)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        if next(doctree.findall(next_date), None) is not None:
            store(app.env).data["followers"].add(app.env.docname)
        blocks = tuple(node["block"] for node in doctree.findall(important_dates))
        if blocks:
            store(app.env).pages[app.env.docname] = page_record(blocks, settings_of(app.config))

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Pages to write again although unchanged: a status on them changed, or the settings did."""
        settings = settings_of(app.config)
        dates = store(env)
        outdated = set()
        for docname, record in dates.pages.items():
            if not record.holds_at(settings.now, settings):
                dates.pages[docname] = page_record(record.blocks, settings)
                outdated.add(docname)
        report_accepted(app, dates)
        if dates.data["settings_key"] != settings.key:
            # The home page's event metadata follows calm_dates_workshop too.
            dates.data["settings_key"] = settings.key
            outdated |= {app.config.root_doc} & env.found_docs
        followers = dates.data["followers"] & env.found_docs
        if followers:
            digest = hashlib.sha256(repr(sorted((d, r.blocks) for d, r in dates.pages.items())).encode()).hexdigest()
            if outdated or digest != dates.data["tables_digest"]:
                # A status or a table changed somewhere: the site's next date may be another one.
                dates.data["tables_digest"] = digest
                outdated |= followers
        return sorted(outdated)


def report_accepted(app: Sphinx, dates: DatesStore) -> None:
    """calm_dates_accepted items that accept nothing, warned on every build at their conf.py line."""
    state = state_of(app.config)
    accepted = state.settings.accepted
    if not accepted.items and not accepted.dateless:
        return
    # Only tables in the files that items name can hold the findings they accept: evaluate just those.
    paths = {posixpath.normpath(item.path) for item, _ in (*accepted.items, *accepted.dateless)}
    found = [
        found.item
        for record in dates.pages.values()
        for block in record.blocks
        if block.path in paths
        for found in evaluate_block(block, state.settings).findings
        if found.item is not None
    ]
    for problem in review_accepted(state.settings.accepted, found, lambda path: (state.confdir / path).is_file()):
        locations = state.accepted_locations
        location = locations[problem.position] if problem.position < len(locations) else None
        logger.warning(problem.message, location=location, type=WARNING_TYPE, subtype=problem.subtype.value)
