"""litcheck's upload page: a small Flask app over the library.

``create_app(config=None)`` builds the app (one blueprint, views in ``views.py``). The page
calls the library only; this package adds the web's own concerns: upload limits, content
checks, a time limit enforced in worker processes (``worker.py``), CSRF and security headers.
Uploads stay in memory: nothing is written to disk and no document text goes to a log.

The page's templates and stylesheet are data, like rules/ and wordlists/: they live in the
repository's top-level web/ folder and are shipped in the wheel (see litcheck.data).
"""

from __future__ import annotations

import io
import secrets
import weakref

from flask import Flask, Request, render_template

from ..data import data_dir
from . import security, views
from .worker import WorkerPool

MB = 1024 * 1024

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 10 * MB,  # the largest upload, in bytes; larger gets 413
    "LITCHECK_TIME_LIMIT": 30.0,  # seconds for reading and checking one upload; then 422
    "LITCHECK_MAX_UNPACKED": 50 * MB,  # the most a .docx may unpack to (zip bomb guard)
    "LITCHECK_REQUEST_TIMEOUT": 60.0,  # seconds for a request (headers and body) to arrive; then the connection closes
    "LITCHECK_WORKERS": 2,  # worker processes that read and check uploads (made with the app)
    "LITCHECK_MEMORY_LIMIT": 1024,  # MB each worker may grow past its warm size (RLIMIT_AS; Unix); 0: no cap
    "LITCHECK_CHECK_HOOK": None,  # tests only: "module:function" run in the worker instead of check_document
    "LITCHECK_LANGUAGETOOL": None,  # a LanguageTool server's URL: grammar and spelling findings too
    "LITCHECK_ALLOW_REMOTE_LANGUAGETOOL": False,  # True: that server may be on another machine
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Strict",
}


class InMemoryRequest(Request):
    """Keep uploaded files in memory (Werkzeug spools files over 500 KB to a temporary file)."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def create_app(config: dict | None = None) -> Flask:
    files = data_dir("web")
    app = Flask(__name__, template_folder=str(files / "templates"), static_folder=str(files / "static"))
    app.request_class = InMemoryRequest
    app.config.update(DEFAULTS)
    # A fresh random key per process: the only thing it signs is the form's CSRF token.
    app.config["SECRET_KEY"] = secrets.token_hex(32)
    if config:
        app.config.update(config)
    # Pasted text is a form field: let it be as large as an upload, no larger.
    app.config.setdefault("MAX_FORM_MEMORY_SIZE", app.config["MAX_CONTENT_LENGTH"])
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    options = {}
    if app.config["LITCHECK_LANGUAGETOOL"]:
        from ..analysers.languagetool import check_url

        check_url(app.config["LITCHECK_LANGUAGETOOL"], bool(app.config["LITCHECK_ALLOW_REMOTE_LANGUAGETOOL"]))
        options = {"languagetool": app.config["LITCHECK_LANGUAGETOOL"],
                   "allow_remote_languagetool": bool(app.config["LITCHECK_ALLOW_REMOTE_LANGUAGETOOL"])}
    pool = WorkerPool(int(app.config["LITCHECK_WORKERS"]), app.config["LITCHECK_CHECK_HOOK"], options,
                      int(app.config["LITCHECK_MEMORY_LIMIT"] or 0) or None)
    app.extensions["litcheck_pool"] = pool
    weakref.finalize(app, pool.close)  # the workers end with the app (or at exit)

    app.register_blueprint(views.bp)
    security.init_app(app)

    @app.errorhandler(413)
    def too_large(error):
        limit = app.config["MAX_CONTENT_LENGTH"] / MB
        return render_template("too_large.html", limit=f"{limit:g}"), 413

    @app.errorhandler(404)
    def not_found(error):
        return render_template("message.html", title="Page not found", message="There is no page at this address."), 404

    @app.errorhandler(405)
    def not_allowed(error):
        return render_template("message.html", title="Page not found", message="There is no page at this address."), 405

    @app.errorhandler(500)
    def internal(error):
        return render_template(
            "message.html", title="Something went wrong", message="litcheck could not check this document. Please try again."
        ), 500

    return app


#: waitress's own timeouts: an idle connection closes after CHANNEL_TIMEOUT seconds, and the
#: server looks for idle and slow connections every CLEANUP_INTERVAL seconds
CHANNEL_TIMEOUT = 15
CLEANUP_INTERVAL = 2
#: the most connections served at once (poll(), not select(), so more than 1,024 work)
CONNECTION_LIMIT = 1000


def server_options(app: Flask) -> dict:
    """waitress settings: request bodies in memory and no larger than the upload limit, and
    idle connections closed.

    A body larger than ``MAX_CONTENT_LENGTH`` is refused by waitress as soon as its
    Content-Length (or its chunks) pass the limit, before it is read, with litcheck's own
    413 page (``make_server``); ``inbuf_overflow`` above the limit means a body is never
    spooled to a temporary file. A connection with nothing to say for ``channel_timeout``
    seconds is closed; one that sends its request too slowly is closed by ``make_server``'s
    request deadline (``LITCHECK_REQUEST_TIMEOUT``).
    """
    body = int(app.config["MAX_CONTENT_LENGTH"])
    return {"max_request_body_size": body, "inbuf_overflow": body + 1, "ident": "litcheck",
            "channel_timeout": CHANNEL_TIMEOUT, "cleanup_interval": CLEANUP_INTERVAL,
            "connection_limit": CONNECTION_LIMIT, "asyncore_use_poll": True}


def make_server(app: Flask, host: str = "127.0.0.1", port: int = 8000, **options):
    """A waitress server for ``app`` (call ``.run()``; ``.effective_port`` when port is 0).

    Its connections answer a body over the limit with litcheck's own 413 page, and close a
    connection whose request has not fully arrived ``LITCHECK_REQUEST_TIMEOUT`` seconds after
    it began (slow clients cannot hold connections open by trickling bytes).
    """
    from waitress.server import create_server

    from .server import install

    server = create_server(app, host=host, port=port, **{**server_options(app), **options})
    install(server, app)
    return server
