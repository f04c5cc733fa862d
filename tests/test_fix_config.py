"""`litcheck fix` reads the file's configuration as `litcheck check` does: what a team has switched
off, accepted or set is not changed back by the revised copy, and the "after" count is counted the
same way as the "before" count."""

from litcheck import config as configmod
from litcheck.cli import main

LETTER = (
    "Dear Ms Example\n\n"
    "Your hypertension will be reviewed at the clinic. Prior to your appointment, please commence "
    "fasting at midnight.\n\n"
    "Yours sincerely\n"
)


def _fix(tmp_path, config: str | None, capsys) -> tuple[str, str]:
    if config is not None:
        (tmp_path / "litcheck.toml").write_text(config, encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    configmod.clear_cache()
    assert main(["fix", str(letter)]) == 0
    return (tmp_path / "letter.litcheck.txt").read_text(encoding="utf-8"), capsys.readouterr().out


def test_without_a_config_the_wordy_phrases_are_swapped(tmp_path, capsys):
    revised, out = _fix(tmp_path, None, capsys)
    assert "commence" not in revised and "Prior to" not in revised and "high blood pressure" in revised
    assert "(jargon.wordy)" in out


def test_an_ignored_rule_is_not_applied_and_the_counts_agree(tmp_path, capsys):
    revised, out = _fix(tmp_path, 'ignore = ["jargon"]\n', capsys)
    assert revised == LETTER
    assert "(jargon.wordy)" not in out
    before, after = out.split("Findings: ")[1].split(".")[0].split(" -> ")
    assert before == after  # nothing changed, so the revised copy has the same findings


def test_an_accepted_word_is_left_as_it_is(tmp_path, capsys):
    revised, _ = _fix(tmp_path, 'accepted_words = ["hypertension"]\n', capsys)
    assert "Your hypertension will" in revised
    assert "Prior to" not in revised
