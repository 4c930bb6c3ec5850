"""What sphinxext.calm_dates costs a build and a visitor: `make bench` prints a table of medians, ratios,
goals and verdicts.

Every build figure is the median of repeated runs of a real `python -m sphinx` in a
fresh process (what `make html` does), compared with the same pages where each
important-dates block is a plain Markdown list and the extension is not loaded.
The browser figures come from Chromium (when one is found) loading the built page.

A goal that is missed is a verdict in the table (MISS), not a failure: timings are
noisy, and the benchmark reports them. The exit status is 0 unless a measurement
itself breaks (a build fails, a tool crashes); then the row says ERROR and it is 1.

    python bench/run.py            # the full benchmark (several minutes)
    python bench/run.py --quick    # a small smoke version (seconds), run by the test suite
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "sphinxext" / "calm_dates" / "static"
NOW = "2026-11-25T00:00:00Z"
BLOCK = re.compile(r"^```\{important-dates\}[^\n]*\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
NEXT_DATE = re.compile(r"^```\{next-date\}[^\n]*\n```\s*\n", re.MULTILINE)
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_DIR = REPO / "bench" / ".node"
# Pages Sphinx makes by itself: not the site's content.
SPHINX_PAGES = {"genindex.html", "search.html"}
MINIMAL_CONF = 'extensions = ["myst_parser"{extra}]\ncalm_dates_now = "{now}"\ncalm_dates_workshop = "December 2024"\n'


@dataclass
class Row:
    name: str
    figure: str
    goal: str
    ok: bool | None
    error: bool = False

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        return "n/a" if self.ok is None else ("PASS" if self.ok else "MISS")


@dataclass
class Variant:
    """One command to time: where it runs, and what to do (untimed) before each run."""

    command: list[str]
    cwd: Path
    before: object = None


def medians(variants: dict[str, Variant], runs: int) -> dict[str, float]:
    """Median wall time of each variant; runs are interleaved so drift hits every variant alike."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, variant in variants.items():
            if variant.before:
                variant.before()
            start = time.perf_counter()
            subprocess.run(variant.command, cwd=variant.cwd, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def clean(out: Path):
    return lambda: shutil.rmtree(out, ignore_errors=True)


def sphinx(srcdir: str, outdir: Path, confdir: str | None = None, *extra: str) -> list[str]:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", srcdir, str(outdir), "-d", str(outdir / ".doctrees")]
    return command + (["-c", confdir] if confdir else []) + list(extra)


def as_plain_list(markdown: str) -> str:
    """The same page with each important-dates block replaced by its lines as a Markdown list."""

    def plain(match: re.Match[str]) -> str:
        lines = [line for line in match["body"].splitlines() if line.strip() and not line.startswith(":")]
        return "\n".join(line if line.lstrip().startswith(("*", "-")) else f"* {line}" for line in lines) + "\n"

    # The next-date box has no plain-list counterpart: the plain page simply lacks it.
    return NEXT_DATE.sub("", BLOCK.sub(plain, markdown))


def site_copies(root: Path) -> tuple[Path, Path]:
    """The real site twice: as it is, and with plain lists and without the extension."""
    real, plain = root / "real", root / "plain"
    for copy in (real, plain):
        shutil.copytree(REPO / "docs", copy / "docs")
        shutil.copy(REPO / "conf.py", copy / "conf.py")
    conf = (plain / "conf.py").read_text(encoding="utf-8")
    (plain / "conf.py").write_text(conf.replace('    "sphinxext.calm_dates",\n', ""), encoding="utf-8")
    for page in (plain / "docs").glob("*.md"):
        page.write_text(as_plain_list(page.read_text(encoding="utf-8")), encoding="utf-8")
    return real, plain


def bench_site(root: Path, runs: int) -> list[Row]:
    real, plain = site_copies(root)
    commands = {
        "extension": sphinx("docs", real / "_build", ".", "-D", f"calm_dates_now={NOW}"),
        "plain": sphinx("docs", plain / "_build", "."),
    }
    cleans = medians(
        {
            "extension": Variant(commands["extension"], real, clean(real / "_build")),
            "plain": Variant(commands["plain"], plain, clean(plain / "_build")),
        },
        runs,
    )
    # No-change rebuilds start from a finished build of each.
    rebuilds = medians(
        {"extension": Variant(commands["extension"], real), "plain": Variant(commands["plain"], plain)}, runs
    )
    floor = medians(
        {"floor": Variant([sys.executable, "-c", "import sphinx.application, myst_parser, furo, sphinx_design"], REPO)},
        runs,
    )["floor"]
    command_line = medians(
        {"calm-dates": Variant([str(Path(sys.executable).parent / "calm-dates"), "check", "docs"], real)}, runs
    )["calm-dates"]
    clean_ratio = cleans["extension"] / cleans["plain"]
    rebuild_ratio = rebuilds["extension"] / rebuilds["plain"]
    return [
        Row(
            "clean build, real site: extension / plain list",
            f"{cleans['extension']:.3f} s / {cleans['plain']:.3f} s = {clean_ratio:.3f}",
            "<= 1.05",
            clean_ratio <= 1.05,
        ),
        Row(
            "no-change rebuild: extension / plain list",
            f"{rebuilds['extension']:.3f} s / {rebuilds['plain']:.3f} s = {rebuild_ratio:.3f}",
            "<= 1.15",
            rebuild_ratio <= 1.15,
        ),
        Row(
            "calm-dates check docs/ vs clean make html",
            f"{command_line * 1000:.0f} ms vs {cleans['extension']:.3f} s "
            f"({cleans['extension'] / command_line:.0f}x faster)",
            "< 1 s",
            command_line < 1.0,
        ),
        Row(
            "no-change rebuild / import floor",
            f"extension {rebuilds['extension'] / floor:.2f}x, plain {rebuilds['plain'] / floor:.2f}x "
            f"(floor {floor:.3f} s)",
            "report",
            None,
        ),
    ]


def entries(count: int) -> list[str]:
    return [
        f"* **Entry {i}:** {2025 + i // 336}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}, 23:59 AoE" for i in range(count)
    ]


def scale_project(root: Path, count: int, directive: bool) -> Path:
    project = root / f"scale-{count}-{'dir' if directive else 'list'}"
    project.mkdir()
    extra = ', "sphinxext.calm_dates"' if directive else ""
    (project / "conf.py").write_text(MINIMAL_CONF.format(extra=extra, now=NOW) + "calm_dates_max_lead_days = 99999\n")
    body = "\n".join(entries(count))
    block = f"```{{important-dates}}\n{body}\n```\n" if directive else body + "\n"
    (project / "index.md").write_text(f"# Dates\n\n{block}")
    return project


def bench_scale(root: Path, sizes: tuple[int, int], runs: int) -> list[Row]:
    variants = {}
    for count in (0, *sizes):
        for directive in (True, False):
            project = scale_project(root, count, directive)
            variants[count, directive] = Variant(sphinx(".", project / "_build"), project, clean(project / "_build"))
    times = medians(variants, runs)
    small, large = sizes
    slower = times[large, True] - times[large, False]
    growth = (times[large, True] - times[0, True]) / max(times[small, True] - times[0, True], 1e-9)
    return [
        Row(
            f"one page, {small:,} entries: directive / plain list",
            f"{times[small, True]:.3f} s / {times[small, False]:.3f} s",
            "report",
            None,
        ),
        Row(
            f"one page, {large:,} entries: directive - plain list",
            f"{times[large, True]:.3f} s - {times[large, False]:.3f} s = {slower:+.3f} s",
            "<= +0.25 s",
            slower <= 0.25,
        ),
        Row(
            f"growth {large:,} / {small:,} entries (time above an empty table)",
            f"{growth:.2f}x (whole builds {times[large, True] / times[small, True]:.2f}x)",
            "<= 12x",
            growth <= 12,
        ),
    ]


def table_pages(project: Path, pages: int, per_page: int) -> list[str]:
    """A project of *pages* pages under an index, each with a *per_page*-entry table; the page names."""
    project.mkdir()
    (project / "conf.py").write_text(MINIMAL_CONF.format(extra=', "sphinxext.calm_dates"', now=NOW))
    names = [f"page{i:03d}" for i in range(pages)]
    (project / "index.md").write_text("# Pages\n\n```{toctree}\n" + "\n".join(names) + "\n```\n")
    for i, name in enumerate(names):
        body = "\n".join(entries(per_page)).replace("Entry", f"Page {i} entry")
        (project / f"{name}.md").write_text(f"# Page {i}\n\n```{{important-dates}}\n{body}\n```\n")
    return names


def bench_many_pages(root: Path, pages: int, runs: int) -> list[Row]:
    project = root / "many"
    names = table_pages(project, pages, 5)
    figures = medians(
        {
            jobs: Variant(
                sphinx(".", project / f"_build-j{jobs}", None, "-j", str(jobs)),
                project,
                clean(project / f"_build-j{jobs}"),
            )
            for jobs in (1, 2)
        },
        runs,
    )
    compare = filecmp.dircmp(project / "_build-j1", project / "_build-j2")
    same = (
        all(
            filecmp.cmp(project / "_build-j1" / f"{n}.html", project / "_build-j2" / f"{n}.html", shallow=False)
            for n in names
        )
        and not compare.left_only
        and not compare.right_only
    )
    return [
        Row(
            f"{pages} pages with a table, clean build -j 1 / -j 2",
            f"{figures[1]:.2f} s / {figures[2]:.2f} s",
            "report",
            None,
        ),
        Row(f"{pages} pages: -j 1 and -j 2 pages byte-identical", "yes" if same else "NO", "identical", same),
    ]


def plain_project(project: Path, plain: Path) -> None:
    """A copy of a project with each important-dates block as a plain list and without the extension."""
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("_build*"))
    conf = plain / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(', "sphinxext.calm_dates"', ""), encoding="utf-8")
    for page in plain.glob("*.md"):
        page.write_text(as_plain_list(page.read_text(encoding="utf-8")), encoding="utf-8")


def bench_many_tables(root: Path, pages: int, per_page: int, runs: int, rebuild_runs: int) -> list[Row]:
    """A site of many pages, each with a table, against the same site with plain lists: what a user rebuilds."""
    project = root / "tables"
    names = table_pages(project, pages, per_page)
    (project / "conf.py").write_text(
        (project / "conf.py").read_text() + "calm_dates_max_lead_days = 99999\n", encoding="utf-8"
    )
    plain = root / "tables-plain"
    plain_project(project, plain)
    variants = {"extension": project, "plain": plain}
    commands = {name: sphinx(".", where / "_build") for name, where in variants.items()}
    cleans = medians({n: Variant(commands[n], where, clean(where / "_build")) for n, where in variants.items()}, runs)
    unchanged = medians({n: Variant(commands[n], where) for n, where in variants.items()}, rebuild_runs)

    def edit(where: Path):
        counter = iter(range(1_000_000))

        def touch_one_page():
            page = where / f"{names[len(names) // 2]}.md"
            text = page.read_text(encoding="utf-8").split("\n\nEdit ")[0]
            page.write_text(f"{text}\n\nEdit {next(counter)}.\n", encoding="utf-8")

        return touch_one_page

    edits = medians({n: Variant(commands[n], where, edit(where)) for n, where in variants.items()}, rebuild_runs)
    rows = []
    for what, figures, goal in (
        ("clean build", cleans, 1.25),
        ("no-change rebuild", unchanged, 1.15),
        ("one-page edit", edits, 1.15),
    ):
        ratio = figures["extension"] / figures["plain"]
        rows.append(
            Row(
                f"{pages} pages x {per_page}-entry table, {what}: extension / plain lists",
                f"{figures['extension']:.2f} s / {figures['plain']:.2f} s = {ratio:.3f}",
                f"<= {goal:.2f}",
                ratio <= goal,
            )
        )
    return rows


def bench_weight(site: Path) -> list[Row]:
    page = (site / "dates.html").read_text(encoding="utf-8")
    assets = [STATIC / "calm_dates.css", STATIC / "calm_dates.js"]
    served = [a.name for a in assets if f"_static/{a.name}" in page]
    sizes = {a.name: len(gzip.compress(a.read_bytes(), 9, mtime=0)) for a in assets}
    total = sum(sizes.values())
    external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//[^"]+"', page)
    html = (site / "dates.html").read_bytes()
    html_gzipped = len(gzip.compress(html, 9, mtime=0))
    return [
        Row(
            "dates.html itself (the page's own HTML): raw, gzipped",
            f"{len(html):,} B, {html_gzipped:,} B gzipped (extension assets {total} B gzipped)",
            "report",
            None,
        ),
        Row(
            "extension CSS + JS on a dates page, gzipped",
            f"{sizes['calm_dates.css']} + {sizes['calm_dates.js']} = {total} B ({', '.join(served)})",
            # The budget grew from 3 KB when the timeline, the next date and the sleeping scheduler came in.
            "<= 6144 B",
            total <= 6144 and len(served) == 2,
        ),
        Row("third-party requests from a dates page", str(len(external)), "0", not external),
    ]


def find_chromium() -> str | None:
    """$CALM_CHROMIUM, else Debian's /usr/bin/chromium, else the browser `playwright install` fetched."""
    if os.environ.get("CALM_CHROMIUM"):
        return os.environ["CALM_CHROMIUM"]
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:
        return None
    return path if Path(path).exists() else None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _GzipHandler(_QuietHandler):
    """Serves text files gzipped, as Read the Docs does, so page weight is measured as visitors receive it."""

    TEXT = {".html", ".css", ".js", ".svg", ".json"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
# Built as of June 1, 2022: the seed's deadlines are still ahead, so a countdown runs.
COUNTDOWN_NOW = "2022-06-01T00:00:00Z"
BROWSER_MOMENTS = {
    "countdown running": datetime(2022, 6, 1, 1, tzinfo=UTC),
    "all dates past": datetime(2026, 11, 25, tzinfo=UTC),
}


def browser_sites(root: Path) -> dict[str, Path]:
    """The real site and its plain-list twin, built as of COUNTDOWN_NOW, and a 1,000-row table page."""
    sites = {}
    for name, source in (("extension", root / "real"), ("plain", root / "plain")):
        out = root / f"browser-{name}"
        if not out.exists():
            subprocess.run(
                sphinx("docs", out, ".", "-D", f"calm_dates_now={COUNTDOWN_NOW}"),
                cwd=source,
                check=True,
                capture_output=True,
            )
        sites[name] = out
    big = root / "browser-big"
    if not big.exists():
        project = root / "big-project"
        project.mkdir()
        (project / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinxext.calm_dates"]\nhtml_theme = "furo"\nlanguage = "en"\n'
            f'calm_dates_now = "{COUNTDOWN_NOW}"\ncalm_dates_max_lead_days = 99999\n'
        )
        rows = "\n".join(entries(1_000))
        (project / "index.md").write_text(f"# Many dates\n\n```{{important-dates}}\n{rows}\n```\n")
        subprocess.run(sphinx(".", big), cwd=project, check=True, capture_output=True)
    sites["big"] = big
    return sites


def serve(folder: Path):
    handler = functools.partial(_GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def bench_browser(root: Path, minutes: int) -> list[Row]:
    """What a visitor's browser does: layout shift while loading (as Lighthouse counts it), script work per minute."""
    chromium = find_chromium()
    if chromium is None:
        return [Row("browser: layout shift, script work per minute", "no Chromium found (skipped)", "report", None)]
    from playwright.sync_api import sync_playwright

    sites = browser_sites(root)
    server, origin = serve(root)
    args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=args)

            def open_page(path: str, width: int, moment: datetime):
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.clock.install(time=moment)
                page.add_init_script(CLS_OBSERVER)
                page.goto(f"{origin}/{path}", wait_until="load")
                return context, page

            for page_name in ("dates.html", "index.html"):
                for width in (1280, 375):
                    for state, moment in BROWSER_MOMENTS.items():
                        shifts = {}
                        for name in ("extension", "plain"):
                            context, page = open_page(f"{sites[name].name}/{page_name}", width, moment)
                            page.clock.run_for(3 * 60_000)
                            shifts[name] = page.evaluate("window.__cls")
                            context.close()
                        rows.append(
                            Row(
                                f"browser: layout shift, {page_name}, {width} px, {state}: extension / plain",
                                f"{shifts['extension']:.4f} / {shifts['plain']:.4f}",
                                "<= plain + 0.001",
                                shifts["extension"] <= shifts["plain"] + 0.001,
                            )
                        )
            for width in (1280, 375):
                context, page = open_page("browser-big/index.html", width, datetime(2022, 6, 15, tzinfo=UTC))
                page.clock.run_for(3 * 60_000)
                shift = page.evaluate("window.__cls")
                context.close()
                rows.append(
                    Row(f"browser: layout shift, 1,000-row table, {width} px", f"{shift:.4f}", "< 0.001", shift < 0.001)
                )
            for path, what in (
                ("browser-extension/dates.html", "dates.html"),
                ("browser-big/index.html", "1,000 rows"),
            ):
                context, page = open_page(path, 1280, datetime(2022, 6, 1, 1, tzinfo=UTC))
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                before = script_seconds(cdp)
                page.clock.run_for(minutes * 60_000)
                per_minute = (script_seconds(cdp) - before) / minutes
                context.close()
                rows.append(
                    Row(
                        f"browser: script work per minute, {what}, countdown running (over {minutes} min)",
                        f"{per_minute * 1000:.2f} ms",
                        "<= 5 ms",
                        per_minute <= 0.005,
                    )
                )
            browser.close()
    finally:
        server.shutdown()
    return rows


def script_seconds(cdp) -> float:
    """Time the page has spent running script so far (Chrome's own count)."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["ScriptDuration"]


def lighthouse_command() -> list[str] | None:
    """Lighthouse, pinned (the one release that runs here), installed once into bench/.node."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if shutil.which("npm") is None:
            return None
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "-E", LIGHTHOUSE, "--prefix", str(LIGHTHOUSE_DIR)],
            check=True,
            capture_output=True,
        )
    return [str(binary)]


def lighthouse_scores(command: list[str], url: str, chromium: str, desktop: bool) -> dict[str, int]:
    flags = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
    run = [
        *command,
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--chrome-flags={flags}",
        "--only-categories=performance,accessibility,best-practices,seo",
    ]
    if desktop:
        run.append("--preset=desktop")
    result = subprocess.run(
        run, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}, check=True
    )
    report = json.loads(result.stdout)
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def bench_lighthouse(root: Path, runs: int, quick: bool) -> list[Row]:
    """Lighthouse 12 on every page, mobile and desktop; dates.html's performance against the plain-list site."""
    if quick:
        return [Row("Lighthouse: every page, mobile and desktop", "not in the quick run", "report", None)]
    chromium, command = find_chromium(), lighthouse_command()
    if chromium is None or command is None:
        return [Row("Lighthouse: every page, mobile and desktop", "needs Chromium and npm (skipped)", "report", None)]
    sites = browser_sites(root)
    server, origin = serve(root)
    rows = []
    try:
        for desktop in (False, True):
            form = "desktop" if desktop else "mobile"
            for page in sorted(
                p.name for p in sites["extension"].glob("*.html") if p.name not in {"genindex.html", "search.html"}
            ):
                scores = lighthouse_scores(command, f"{origin}/browser-extension/{page}", chromium, desktop)
                others = {k: v for k, v in scores.items() if k != "performance"}
                rows.append(
                    Row(
                        f"Lighthouse {form}, {page}: accessibility, best practices, SEO (performance)",
                        ", ".join(str(others[key]) for key in ("accessibility", "best-practices", "seo"))
                        + f" ({scores['performance']})",
                        "100, 100, 100",
                        all(value == 100 for value in others.values()),
                    )
                )
            performance = {}
            for name in ("extension", "plain"):
                values = [
                    lighthouse_scores(command, f"{origin}/browser-{name}/dates.html", chromium, desktop)["performance"]
                    for _ in range(runs)
                ]
                performance[name] = statistics.median(values)
            rows.append(
                Row(
                    f"Lighthouse {form}, dates.html performance: extension / plain list (median of {runs})",
                    f"{performance['extension']:.0f} / {performance['plain']:.0f}",
                    ">= plain",
                    performance["extension"] >= performance["plain"],
                )
            )
    finally:
        server.shutdown()
    return rows


def measured(name: str, section, *args) -> list[Row]:
    """The rows of one section; if the measurement itself breaks, one ERROR row that says why."""
    try:
        return section(*args)
    except Exception as error:  # a broken measurement is reported, and fails the run
        traceback.print_exc(file=sys.stderr)
        return [
            Row(
                name,
                f"{type(error).__name__}: {str(error).splitlines()[0][:80] if str(error) else ''}",
                "-",
                None,
                True,
            )
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes and few runs: a smoke test, not a measurement"
    )
    args = parser.parse_args(argv)
    runs, sizes, pages, minutes = (1, (10, 100), 6, 1) if args.quick else (7, (1_000, 10_000), 300, 10)
    few = 1 if args.quick else 3
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="calm-bench-") as tmp:
        root = Path(tmp)
        rows += measured("clean build, real site", bench_site, root, runs)
        rows += measured("one page, many entries", bench_scale, root, sizes, few if args.quick else max(3, runs // 2))
        rows += measured(f"{pages} pages, -j 1 / -j 2", bench_many_pages, root, pages, few)
        rows += measured(f"{pages} pages x 20-entry table", bench_many_tables, root, pages, 20, few, runs)
        rows += measured("weight of a dates page", bench_weight, root / "real" / "_build")
        rows += measured("browser", bench_browser, root, minutes)
        rows += measured("Lighthouse", bench_lighthouse, root, 1 if args.quick else 3, args.quick)
    print_table(rows, runs, args.quick)
    return exit_status(rows)


def exit_status(rows: list[Row]) -> int:
    """Verdicts are information (a MISS is a noisy ratio over its goal); only a measurement that broke fails."""
    return 1 if any(row.error for row in rows) else 0


def print_table(rows: list[Row], runs: int, quick: bool) -> None:
    header = ("measure", "figure (medians)", "goal", "verdict")
    widths = [max(len(header[i]), *(len((r.name, r.figure, r.goal, r.verdict)[i]) for r in rows)) for i in range(4)]
    note = "QUICK SMOKE RUN, not a measurement" if quick else f"median of {runs} runs unless stated"
    print(f"calm_dates benchmark — {note}; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print(line)
    for row in rows:
        cells = (row.name, row.figure, row.goal, row.verdict)
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main())
