"""link_host: a web address on a host the rule lists (a link shortener: bit.ly, tinyurl.com).

Web addresses are found with or without "https://" or "www." ("bit.ly/3xYz", "tinyurl.com/abc"),
since a text message often leaves them out. A host matches when it is a listed host or ends
with "." and a listed host ("go.bit.ly"). The hosts are data in the rule (``hosts:``).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..rule import Rule

#: a web address: an optional scheme, a host of dotted labels ending in letters, then a path
_ADDRESS = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?P<path>/[^\s<>()\"]*[^\s<>()\".,;:!?])?",
    re.IGNORECASE,
)


def web_addresses(text: str) -> Iterator[re.Match]:
    """Web addresses in ``text``: those with a scheme or "www.", and bare "host/path" ones
    (a bare host with no path, "nhs.uk", counts too, but not "e.g." or "a.m.")."""
    for m in _ADDRESS.finditer(text):
        host = m.group("host")
        if m.group().lower().startswith(("http", "www.")) or m.group("path") or "." in host.rstrip("."):
            yield m


class LinkHost(Rule):
    kind = "link_host"
    KEYS = {
        "hosts": (True, (list,)),  # host names, lower case ("bit.ly")
        "suggest": (False, (list,)),
    }
    MESSAGE_FIELDS = frozenset({"actual", "host"})

    def setup(self, spec) -> None:
        self.hosts = tuple(str(h).lower().strip(".") for h in spec["hosts"])
        if not self.hosts:
            self.fail("hosts", "hosts needs at least one host name")
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        for m in web_addresses(text):
            host = m.group("host").lower()
            if host.startswith("www."):
                host = host[4:]
            if any(host == h or host.endswith("." + h) for h in self.hosts):
                yield ctx.finding(self, m.start(), m.end(), self.format_message(actual=m.group(), host=host), self.suggest)
