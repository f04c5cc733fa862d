import json

HTML = "<html><body><h1>Your visit</h1><p>Please bring {{ letter }}.</p></body></html>"


def test_extract_prints_each_block_with_kind_and_position(run_cli, tmp_path):
    f = tmp_path / "letter.html"
    f.write_text(HTML)
    code, out, err = run_cli("extract", str(f))
    assert code == 0, err
    assert "[heading 1 · line 1]\n  Your visit" in out
    assert "[paragraph · line 1]\n  Please bring {{ letter }}." in out
    assert "Placeholders: {{ letter }}" in out


def test_extract_json_lists_blocks_placeholders_and_notices(run_cli, tmp_path):
    f = tmp_path / "letter.html"
    f.write_text(HTML)
    code, out, _ = run_cli("extract", "--format", "json", str(f))
    assert code == 0
    data = json.loads(out)
    assert [b["kind"] for b in data["blocks"]] == ["heading", "paragraph"]
    b = data["blocks"][1]
    assert set(b) >= {"kind", "text", "start", "end", "location", "level"}
    assert b["text"] == "Please bring {{ letter }}."
    assert data["placeholders"][0]["name"] == "letter"
    assert data["notices"] == []


def test_extract_of_a_text_file_shows_its_lines(run_cli, tmp_path):
    f = tmp_path / "letter.txt"
    f.write_text("Dear Sam,\n\nYour appointment is on Monday.\n")
    code, out, _ = run_cli("extract", str(f))
    assert code == 0
    assert "[paragraph · line 3]\n  Your appointment is on Monday." in out


def test_extract_of_a_file_it_cannot_read_is_one_line_and_exit_2(run_cli, tmp_path):
    f = tmp_path / "letter.docx"
    f.write_bytes(b"%PDF-1.4 not really a word file")
    code, out, err = run_cli("extract", str(f))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "rename it to end in .pdf" in err
