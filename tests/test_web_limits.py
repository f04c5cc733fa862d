"""The upload page's workers cap their memory (issue 24: the same limits where an attacker chooses the file)."""

from __future__ import annotations

import sys

import pytest

from litcheck.web import create_app

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS caps allocations on Linux")

LETTER = "Dear Mr Jones,\n\nYour appointment is on Monday at 10am. Please bring your tablets.\n"


def _paste(client, text):
    from tests.test_web import paste

    return paste(client, text)


@pytest.mark.parametrize("limit, status", [(200, 422), (0, 200)])
def test_an_upload_that_needs_too_much_memory_is_refused_and_the_next_is_checked(limit, status):
    app = create_app({"TESTING": True, "LITCHECK_WORKERS": 1, "LITCHECK_MEMORY_LIMIT": limit,
                      "LITCHECK_CHECK_HOOK": "tests.webhooks:greedy_check"})
    client = app.test_client()
    page = _paste(client, "GREEDY. " + LETTER)
    assert page.status_code == status  # 0: no cap, so the same upload is checked (the control)
    if status == 422:
        assert "needs more memory to check than litcheck allows" in page.text
    assert _paste(client, LETTER).status_code == 200
