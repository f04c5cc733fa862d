"""The SHeLL-comparable measures reach litcheck compare and the portfolio as the report measured
them (read directly: every check measures them). Texts are our own."""

import pytest

import litcheck
from litcheck.compare import compare
from litcheck.portfolio import summarise

OFFICIAL = (
    "Dear Mr Khan,\n\nFollowing your recent consultation, your consultant has requested that you attend "
    "for an echocardiogram in order to ascertain the functioning of your cardiac valves. Should you "
    "be unable to attend, please notify the department forthwith.\n\nYours sincerely\n"
)
PLAIN = (
    "Dear Mr Khan,\n\nYour heart doctor wants you to have a scan of your heart. It shows how well "
    "your heart works. If you cannot come, please phone us as soon as you can.\n\nYours sincerely\n"
)


def test_compare_and_portfolio_carry_the_reports_complex_language_share_and_lexical_density():
    before, after = litcheck.check_text(OFFICIAL), litcheck.check_text(PLAIN)
    c = compare(before, after)
    for side, report in ((c.before, before), (c.after, after)):
        assert side.complex_language_share == report.readability.complex_language_share
        assert side.lexical_density == report.readability.lexical_density
    row = summarise(before)
    assert row.complex_language_share == pytest.approx(before.readability.complex_language_share)
    assert row.lexical_density == pytest.approx(before.readability.lexical_density)
    assert c.after.complex_language_share < c.before.complex_language_share
