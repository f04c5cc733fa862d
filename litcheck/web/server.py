"""waitress, made safe for a public upload page: its own 413 page and a request deadline.

waitress refuses a request body over ``max_request_body_size`` itself, before the app sees
it, and answers with its own plain text. ``install`` gives the server's connections an error
task that answers a body over the limit with litcheck's "This file is too large" page (the
same page, headers and status the app gives), so a user never sees waitress's words.

waitress closes a connection that has said nothing for ``channel_timeout`` seconds, but a
client that trickles one byte every few seconds is never idle: 200 such clients would hold
200 connections for ever. ``install`` also closes any connection whose request has not fully
arrived ``LITCHECK_REQUEST_TIMEOUT`` seconds after its first byte (checked at waitress's
``cleanup_interval``). A request being answered (its upload being checked) is never cut.
"""

from __future__ import annotations

import socket
import time

from flask import Flask, render_template
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer
from waitress.task import ErrorTask

from .security import HEADERS

MB = 1024 * 1024


def too_large_page(app: Flask) -> bytes:
    """The app's own 413 page, rendered once (it holds nothing from any request)."""
    with app.test_request_context("/"):
        limit = app.config["MAX_CONTENT_LENGTH"] / MB
        return render_template("too_large.html", limit=f"{limit:g}").encode("utf-8")


class PageErrorTask(ErrorTask):
    """waitress's error answer, with litcheck's page for a body over the limit."""

    def execute(self):
        error = self.request.error
        page = getattr(self.channel, "too_large_page", None)
        if getattr(error, "code", None) != 413 or page is None:
            return super().execute()
        self.status = "413 Request Entity Too Large"
        self.response_headers.extend(
            [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"), *HEADERS.items()]
        )
        self.set_close_on_finish()
        self.channel.linger = True  # read (and drop) the rest of the body, so the browser sees the page
        self.content_length = len(page)
        self.write(page)


class Channel(HTTPChannel):
    """A connection that knows when its current request began to arrive.

    After litcheck's 413 page the connection lingers: it stops sending (so the browser has the
    whole page), then reads and drops what is left of the upload, up to ``LINGER_BYTES`` or
    ``LINGER_SECONDS``, before it closes. Closing at once, with the upload still arriving,
    makes browsers show "connection reset" instead of the page. Nothing read is kept."""

    error_task_class = PageErrorTask
    too_large_page: bytes | None = None
    #: time.monotonic() of the first byte of the request still arriving (None between requests)
    request_began: float | None = None
    LINGER_BYTES = 64 * MB
    LINGER_SECONDS = 10.0
    linger = False
    lingering_since: float | None = None
    lingered = 0

    def handle_close(self):
        if self.linger and self.lingering_since is None and self.connected:
            try:
                self.socket.shutdown(socket.SHUT_WR)
            except OSError:
                return super().handle_close()
            self.lingering_since = time.monotonic()
            self.will_close = self.close_when_flushed = False
            return None
        return super().handle_close()

    def readable(self):
        return self.lingering_since is not None or super().readable()

    def handle_read(self):
        if self.lingering_since is None:
            return super().handle_read()
        try:
            data = self.recv(self.adj.recv_bytes)
        except OSError:
            return super().handle_close()
        self.lingered += len(data)
        if not data or self.lingered > self.LINGER_BYTES or time.monotonic() - self.lingering_since > self.LINGER_SECONDS:
            super().handle_close()
        return None

    def received(self, data):
        if data and self.request is None and self.request_began is None:
            self.request_began = time.monotonic()
        result = super().received(data)
        if self.request is None:  # every request in it has fully arrived
            self.request_began = None
        return result


def install(server, app: Flask) -> None:
    """Give ``server`` (from waitress's create_server) litcheck's connections and deadline."""
    page = too_large_page(app)
    deadline = float(app.config.get("LITCHECK_REQUEST_TIMEOUT", 60.0))
    servers = [server] if isinstance(server, BaseWSGIServer) else [s for s in getattr(server, "map", {}).values() if isinstance(s, BaseWSGIServer)]
    for one in servers:
        one.channel_class = type("LitcheckChannel", (Channel,), {"too_large_page": page})
        _add_deadline(one, deadline)


def _add_deadline(server: BaseWSGIServer, deadline: float) -> None:
    idle_check = server.maintenance

    def maintenance(now):
        idle_check(now)
        cutoff = time.monotonic() - deadline
        for channel in list(server.active_channels.values()):
            began = getattr(channel, "request_began", None)
            if began is not None and began < cutoff and not channel.requests:
                channel.will_close = True

    server.maintenance = maintenance
