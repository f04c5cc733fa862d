"""Texts that tests compare a fast path with the plain way on: our samples and the real public
texts in the shared data folder (read by path, never copied into the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = Path("/work/shared/data/real-texts/docs")


def texts_in(folder: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(file name, text) of the .txt and .md files in ``folder``, in name order."""
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))[:limit]
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def sample_texts() -> list[tuple[str, str]]:
    return texts_in(ROOT / "samples")


def real_texts() -> list[tuple[str, str]]:
    if not REAL.is_dir():
        pytest.skip(f"{REAL} is absent: the real texts are not on this machine")
    return texts_in(REAL)


#: parametrize a test over both sets: ``@SOURCES def test_x(texts): for name, text in texts(): ...``
SOURCES = pytest.mark.parametrize("texts", [sample_texts, real_texts], ids=["samples", "real-texts"])


def with_corpus(own: list[str], samples: str = "*.*", real: int = 30) -> list[str]:
    """``own`` texts, then the samples whose names match ``samples``, then the first ``real``
    real texts when they are on this machine (no skip: the own texts are checked anyway)."""
    texts = list(own)
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob(samples)) if p.is_file()]
    if REAL.is_dir():  # third-party texts, read where they are, never copied
        texts += [p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))[:real]]
    return texts
