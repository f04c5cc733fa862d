"""``litcheck serve``: the upload page for communications teams, under waitress."""

from __future__ import annotations

import sys

from . import EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="run the upload page in a web server", description="Run litcheck's upload page under the waitress web server. It listens on this computer only (127.0.0.1) unless you give --host.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this computer only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--max-upload-mb", type=float, default=10.0, metavar="MB", help="largest upload accepted (default: 10)")
    p.add_argument("--time-limit", type=float, default=30.0, metavar="SECONDS", help="longest time to read and check one upload (default: 30)")
    p.add_argument("--threads", type=int, default=4, help="request threads (default: 4)")
    p.add_argument("--workers", type=int, default=2, help="worker processes that read and check uploads (default: 2)")
    p.add_argument("--languagetool", metavar="URL", help="also check grammar and UK spelling with the LanguageTool server at URL, e.g. http://127.0.0.1:8081 (scripts/languagetool-server)")
    p.add_argument("--allow-remote-languagetool", action="store_true", help="allow a LanguageTool server that is not on this computer: uploaded letters are sent to it")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..web import create_app, make_server

    if args.languagetool:
        from ..analysers.languagetool import check_url, is_local

        check_url(args.languagetool, args.allow_remote_languagetool)
        if not is_local(args.languagetool):
            print(f"litcheck: warning: every uploaded letter will be sent to the LanguageTool server at {args.languagetool}, which is not this computer", file=sys.stderr)

    # The workers start warm (litcheck/web/worker.py), so the first upload is not slow.
    app = create_app({"MAX_CONTENT_LENGTH": int(args.max_upload_mb * 1024 * 1024), "LITCHECK_TIME_LIMIT": args.time_limit,
                      "LITCHECK_WORKERS": max(1, args.workers), "LITCHECK_LANGUAGETOOL": args.languagetool,
                      "LITCHECK_ALLOW_REMOTE_LANGUAGETOOL": args.allow_remote_languagetool})
    server = make_server(app, args.host, args.port, threads=args.threads)
    print(f"litcheck: the upload page is at http://{args.host}:{server.effective_port}/ (Ctrl+C stops it)", file=sys.stderr)
    try:
        server.run()
    finally:
        server.close()
    return EXIT_OK
