"""Self-contained HTML files (compare, portfolio): Jinja templates from web/templates/, the
page's own stylesheet inlined, nothing fetched when the file is opened (it must work from an
e-mail attachment or a shared drive: no scripts, no external styles, fonts or images)."""

from __future__ import annotations

from functools import lru_cache

from ..data import data_dir

#: the stylesheets inlined into every standalone file, in order
STYLESHEETS = ("litcheck.css", "reports.css")


@lru_cache(maxsize=1)
def environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("web") / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["inline_css"] = inline_css
    env.filters["percent"] = percent
    env.filters["years"] = years
    return env


@lru_cache(maxsize=1)
def inline_css() -> str:
    static = data_dir("web") / "static"
    return "\n".join((static / name).read_text(encoding="utf-8") for name in STYLESHEETS)


def percent(value, places: int = 0) -> str:
    return "not measured" if value is None else f"{value * 100:.{places}f}%"


def years(value) -> str:
    return "not measured" if value is None else f"{value:.0f}"


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
