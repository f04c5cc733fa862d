"""Which files git ignores: the folder walk skips them, as ruff and ripgrep do.

Patterns come from every ``.gitignore`` from the repository's top folder down to the folder
being walked, from each folder met on the way, and from ``.git/info/exclude``; they are
matched by pathspec (git's own rules: ``dir/``, ``**``, ``!negation``, anchored ``/name``).
A deeper file's pattern beats a shallower one's, and nothing inside an ignored folder can be
brought back (git's rule too). Outside a git repository only the walked folders' own
``.gitignore`` files count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pathspec


@dataclass(frozen=True)
class _Layer:
    base: Path  #: the folder the patterns are relative to
    spec: pathspec.PathSpec


def _decision(spec: pathspec.PathSpec, rel: str) -> bool | None:
    """True: ignored, False: re-included by a ``!`` pattern, None: no pattern matched."""
    check = getattr(spec, "check_file", None)
    if check is not None:
        return check(rel).include
    return True if spec.match_file(rel) else None  # pathspec < 0.12: no negation across files


def _load(file: Path, base: Path) -> _Layer | None:
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        return None
    return _Layer(base, pathspec.GitIgnoreSpec.from_lines(lines))


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (a folder or a worktree file)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class Ignored:
    """The patterns in force in one folder; ``child(folder)`` adds that folder's own file."""

    def __init__(self, layers: tuple[_Layer, ...] = ()):
        self.layers = layers

    @classmethod
    def above(cls, folder: str | Path) -> "Ignored":
        """The patterns in force for a walk starting at ``folder`` (its own .gitignore included)."""
        folder = Path(folder).resolve()
        root = repository_root(folder)
        layers: list[_Layer] = []
        if root is not None:
            exclude = _load(root / ".git" / "info" / "exclude", root) if (root / ".git").is_dir() else None
            if exclude:
                layers.append(exclude)
            chain = [folder, *folder.parents]
            for step in reversed(chain[: chain.index(root) + 1]):
                layer = _load(step / ".gitignore", step)
                if layer:
                    layers.append(layer)
        else:
            layer = _load(folder / ".gitignore", folder)
            if layer:
                layers.append(layer)
        return cls(tuple(layers))

    def child(self, folder: str | Path) -> "Ignored":
        folder = Path(folder).resolve()
        layer = _load(folder / ".gitignore", folder)
        return Ignored(self.layers + (layer,)) if layer else self

    def __call__(self, path: str | Path, is_dir: bool = False) -> bool:
        """Is ``path`` (inside the walked folder) ignored?"""
        if not self.layers:
            return False
        path = Path(path).resolve()
        ignored = False
        for layer in self.layers:
            try:
                rel = path.relative_to(layer.base).as_posix()
            except ValueError:
                continue
            decision = _decision(layer.spec, rel + ("/" if is_dir else ""))
            if decision is not None:
                ignored = decision
        return ignored
