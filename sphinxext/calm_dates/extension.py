"""The Sphinx side of calm_dates: registers the directive, nodes, config and event handlers."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import nodes as calm_nodes
from .config import add_config_values, validate_config
from .directive import ImportantDates
from .page import add_page_assets
from .resolve import resolve_tables

STATIC_DIR = Path(__file__).parent / "static"


def setup(app: Sphinx, version: str) -> dict:
    add_config_values(app)
    app.connect("config-inited", validate_config)
    skip = (calm_nodes.skip, None)
    app.add_node(calm_nodes.important_dates, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(calm_nodes.important_dates_html, html=(calm_nodes.visit_html, None))
    app.add_directive("important-dates", ImportantDates)
    app.connect("builder-inited", add_static_files)
    app.connect("env-before-read-docs", ensure_env_data)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("doctree-resolved", resolve_tables)
    app.connect("html-page-context", add_page_assets)
    return {
        "version": version,
        # Bump when the pickled DatesTable/Entry shapes change, so old environments are discarded.
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def add_static_files(app: Sphinx) -> None:
    """CSS and script only for HTML builders, so LaTeX and others get no stray files."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))


def ensure_env_data(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if not hasattr(env, "calm_dates_docs"):
        env.calm_dates_docs = set()


def purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    if hasattr(env, "calm_dates_docs"):
        env.calm_dates_docs.discard(docname)


def merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    ensure_env_data(app, env, [])
    env.calm_dates_docs |= getattr(other, "calm_dates_docs", set()) & set(docnames)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages with a dates table are written on every build: their status depends on when it runs."""
    ensure_env_data(app, env, [])
    return sorted(env.calm_dates_docs & set(env.found_docs))
