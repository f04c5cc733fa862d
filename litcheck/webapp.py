"""Load litcheck's upload page (the Flask app in web/) from a checkout or an installed wheel.

web/ sits at the top of the repository and is shipped in the wheel as litcheck/_data/web
(as rules/ and wordlists/ are), so it is found with data_dir and imported by path. Flask is
imported only here, when the page is wanted.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from .data import data_dir

MODULE = "litcheck_web"


def load() -> ModuleType:
    """The web package (imported once per process)."""
    if MODULE in sys.modules:
        return sys.modules[MODULE]
    folder = data_dir("web")
    spec = importlib.util.spec_from_file_location(MODULE, folder / "__init__.py", submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[MODULE]
        raise
    return module


def create_app(config: dict | None = None):
    """A new Flask app for the upload page (see web/__init__.py for the settings)."""
    return load().create_app(config)


def make_server(app, host: str = "127.0.0.1", port: int = 8000, **options):
    """A waitress server for ``app``; ``.run()`` serves, ``.close()`` stops."""
    return load().make_server(app, host, port, **options)


def worker_main(conn, hook: str | None = None) -> None:
    """A worker process's entry point (importable by name in the worker, which web/ is not)."""
    load()
    importlib.import_module(f"{MODULE}.worker").serve(conn, hook)
