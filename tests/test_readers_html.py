from litcheck.readers import read_bytes

PAGE = b"""<!DOCTYPE html>
<html><head><title>Clinic</title><style>p { color: red }</style><script>var secret = 1;</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/a">About</a></nav><p>Site banner</p></header>
<main>
<h1>Your appointment</h1>
<p>Dear {{ patient_name }},</p>
<p>Please come to the <b>clinic</b> on
[DATE] at <<Time>>.</p>
<div style="display: none">Hidden text</div>
<p hidden>Also hidden</p>
<h2>What to bring</h2>
<ul><li>Your letter<ul><li>and your glasses</li></ul></li><li>A list of your medicines</li></ul>
{% if transport %}<p>We will send a car.</p>{% endif %}
<table><tr><th>Day</th><th>Time</th></tr><tr><td>Monday</td><td>9am</td></tr></table>
</main>
<footer>Copyright NHS Trust</footer>
</body></html>
"""


def doc():
    return read_bytes(PAGE, "html", "page.html")


def blocks(d):
    return [(b.kind, d.block_text(b)) for b in d.blocks]


def test_html_reads_visible_text_in_order_without_script_style_nav_or_page_chrome():
    d = doc()
    assert [t for _, t in blocks(d)] == [
        "Your appointment",
        "Dear {{ patient_name }},",
        "Please come to the clinic on [DATE] at <<Time>>.",
        "What to bring",
        "Your letter",
        "and your glasses",
        "A list of your medicines",
        "{% if transport %}",
        "We will send a car.",
        "{% endif %}",
        "Day",
        "Time",
        "Monday",
        "9am",
    ]
    for hidden in ("secret", "Home", "Site banner", "Hidden text", "Also hidden", "Copyright", "Clinic\n"):
        assert hidden not in d.text


def test_html_headings_lists_and_table_cells_are_blocks_with_levels_and_lines():
    d = doc()
    kinds = {t: (b.kind, b.level, dict(b.location)) for b, t in ((b, d.block_text(b)) for b in d.blocks)}
    assert kinds["Your appointment"] == ("heading", 1, {"line": 6})
    assert kinds["What to bring"][:2] == ("heading", 2)
    assert kinds["Your letter"][:2] == ("list_item", 0)
    assert kinds["and your glasses"][:2] == ("list_item", 1)
    assert kinds["Monday"] == ("table_cell", 0, {"line": 15, "table": 1, "row": 2, "cell": 1})
    assert d.text == "\n\n".join(t for _, t in blocks(d))


def test_html_template_fields_are_placeholders():
    names = {(p.name, p.syntax) for p in doc().placeholders}
    assert {("patient_name", "jinja"), ("DATE", "square"), ("Time", "angle"), ("if transport", "jinja_tag")} <= names


def test_html_honours_the_declared_charset():
    d = read_bytes('<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \u2013 open</p></body></html>'.encode("cp1252"), "html", "x.html")
    assert d.text == "Café – open"
