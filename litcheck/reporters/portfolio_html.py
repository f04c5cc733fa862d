"""``litcheck report``: one self-contained HTML file for a whole portfolio of letters.

The reading-age distribution against the target, the practical details each document gives
(a documents x details grid, and the share of documents giving each), the rules that fire
most, the hardest documents first with links to their short reports further down the same
file, and, with ``--since``, what improved and what got worse.

Charts are inline SVG made by pygal (see README, design notes) and made static: pygal's
tooltip script (and its config script) are taken out of the SVG, so the file has no
``<script>`` and fetches nothing; it opens from an e-mail attachment or a shared drive and
prints. Each chart is ``role="img"`` with a label, and is followed by a table of the same
figures for screen readers and print.
"""

from __future__ import annotations

from ..details.detectors import DETAIL_IDS
from ..details.section import LABELS as DETAIL_LABELS
from ..version import __version__

#: colours with at least 4.5:1 contrast on white, told apart by more than colour (the tables)
GREEN, RED, BLUE = "#007f3b", "#d5281b", "#005eb8"
#: rules shown in the "rules that fire most" chart
TOP_RULES = 10
#: documents in the "hardest first" table (all of them are in the grid and the short reports)
HARDEST = 25


def _style():
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#0b0c0c",
        foreground_strong="#0b0c0c",
        foreground_subtle="#505a5f",
        opacity="1",
        opacity_hover="1",
        transition="none",
        colors=(GREEN, RED, BLUE),
        font_family="Arial, Helvetica, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        title_font_size=16,
        value_font_size=12,
    )


def _static_svg(chart, label: str) -> str:
    """The chart as inline SVG with no script, no comments and no namespace URLs."""
    tree = chart.render_tree()
    _drop_scripts(tree)
    tree.set("role", "img")
    tree.set("aria-label", label)
    tree.set("focusable", "false")
    from xml.etree import ElementTree as ET

    try:
        from lxml import etree

        svg = etree.tostring(tree, encoding="unicode")
    except (ImportError, TypeError):
        svg = ET.tostring(tree, encoding="unicode")
    svg = svg.replace(' xmlns="http://www.w3.org/2000/svg"', "").replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    return svg.replace("ns0:", "").replace(":ns0", "")


def _drop_scripts(tree) -> None:
    """Remove every script element, however the tree's library names it."""
    for parent in list(tree.iter()):
        for child in list(parent):
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag.rsplit("}", 1)[-1] == "script" or not isinstance(child.tag, str):
                parent.remove(child)


def _config(**extra):
    import pygal

    settings = dict(
        js=[],
        style=_style(),
        disable_xml_declaration=True,
        show_legend=True,
        legend_at_bottom=True,
        print_values=False,
        width=760,
        height=360,
        explicit_size=False,
    )
    settings.update(extra)
    return pygal.Config(**settings)


def _integer_ticks(highest: int) -> list[int]:
    """Whole-number axis ticks (documents come in ones), about eight of them."""
    step = max(1, -(-highest // 8))
    return list(range(0, highest + step, step))


def reading_age_chart(distribution) -> str:
    import pygal

    chart = pygal.StackedBar(_config(x_title="Reading age (years)", y_title="Documents"))
    chart.x_labels = [label.replace(" or under", " or less").replace(" or over", "+").replace(" or less", "-") for label, _, _ in distribution]
    chart.y_labels = _integer_ticks(max((ok + over for _, ok, over in distribution), default=0))
    chart.add("At or under its target", [ok for _, ok, _ in distribution])
    chart.add("Over its target", [over for _, _, over in distribution])
    return _static_svg(chart, "Bar chart: documents by reading age, at or under their target and over it. The table below gives the figures.")


def coverage_chart(coverage) -> str:
    import pygal

    chart = pygal.HorizontalBar(_config(range=(0, 100), show_legend=False, x_title="Share of the documents that need it (%)", height=420))
    rows = [(label, round(100 * have / need) if need else None) for _, label, need, have in coverage if need]
    chart.x_labels = [label for label, _ in rows]
    chart.add("Give it", [v for _, v in rows])
    return _static_svg(chart, "Bar chart: the share of documents that give each practical detail they need. The table below gives the figures.")


def rules_chart(top) -> str:
    import pygal

    chart = pygal.HorizontalBar(_config(show_legend=False, x_title="Documents", height=400))
    chart.x_labels = [rule for rule, _, _ in reversed(top)]
    chart.add("Documents", [docs for _, _, docs in reversed(top)])
    chart.y_labels = _integer_ticks(max((docs for _, _, docs in top), default=0))
    return _static_svg(chart, "Bar chart: the rules found in the most documents. The table below gives the figures.")


def render(portfolio, *, title: str = "Patient letters and leaflets: health literacy report", **_options) -> str:
    from . import _html

    distribution = portfolio.distribution()
    coverage = portfolio.coverage()
    top = portfolio.top_rules(TOP_RULES)
    charts = {
        "reading_age": reading_age_chart(distribution) if portfolio.measured() else None,
        "coverage": coverage_chart(coverage) if any(need for _, _, need, _ in coverage) else None,
        "rules": rules_chart(top) if top else None,
    }
    index = {id(row): i for i, row in enumerate(portfolio.rows)}
    changes = portfolio.since or []
    return _html.render(
        "portfolio_report.html",
        title=title,
        p=portfolio,
        summary=portfolio.summary(),
        distribution=distribution,
        coverage=coverage,
        top=top,
        charts=charts,
        hardest=portfolio.hardest()[:HARDEST],
        all_hardest=portfolio.hardest(),
        index=index,
        details=[(d, DETAIL_LABELS.get(d, d)) for d in DETAIL_IDS],
        improved=[c for c in changes if c.status == "improved"],
        worse=[c for c in changes if c.status == "worse"],
        new_docs=[c for c in changes if c.status == "new"],
        same=sum(1 for c in changes if c.status == "same"),
        version=__version__,
    )
