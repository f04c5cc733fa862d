"""Size of a fresh install: `pip install .` into a new virtual environment, against spaCy alone.

    python bench/bench_install.py [--keep DIR]

Makes two virtual environments in a temporary folder (PyPI must be reachable): one with
`pip install <this repository>` as a user installs litcheck, and the reference, one with
`pip install "spacy>=3.7,<4"` only, the floor no install of litcheck can go under while it
keeps spaCy. Prints the size of each site-packages folder (what `du` counts), without pip and
setuptools (the virtual environment's own), and the largest packages of the litcheck one.
Target (issue 20): under 300 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = ("pip", "setuptools", "_distutils_hack", "distutils-precedence.pth")


def size(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_blocks * 512  # what du counts
            except OSError:
                pass
    return total


def install(venv: Path, *requirements: str) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", "--no-cache-dir", *requirements], check=True)
    [site] = (venv / "lib").glob("python*/site-packages")
    return site


def by_distribution(site: Path) -> dict[str, float]:
    """MB of each installed distribution, from the files its RECORD lists."""
    out: dict[str, float] = {}
    for info in site.glob("*.dist-info"):
        name = info.name.split("-")[0]
        record = info / "RECORD"
        total = 0
        if record.exists():
            for line in record.read_text(encoding="utf-8", errors="replace").splitlines():
                path = (site / line.split(",")[0]).resolve()
                try:
                    total += os.lstat(path).st_blocks * 512
                except OSError:
                    pass
        out[name] = total / 2**20
    return out


def summary(site: Path) -> tuple[float, list[tuple[float, str]]]:
    entries = [(size(p) / 2**20, p.name) for p in site.iterdir()]
    total = sum(mb for mb, name in entries if not name.startswith(OWN))
    return total, sorted(entries, reverse=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="make the environments here and keep them")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        our_site = install(base / "litcheck", str(ROOT))
        ours, top = summary(our_site)
        spacy_site = install(base / "spacy", "spacy>=3.7,<4")
        floor, _ = summary(spacy_site)
        ours_by, spacy_by = by_distribution(our_site), by_distribution(spacy_site)
    print(f"pip install . (litcheck and its dependencies): {ours:6.0f} MB  (target under 300 MB)")
    print(f"pip install spacy (the reference: spaCy alone): {floor:6.0f} MB  ({ours / floor:.2f}x)")
    print("largest in the litcheck environment:")
    for mb, name in top[:15]:
        if not name.startswith(OWN) and not name.endswith((".dist-info", ".pth")):
            print(f"  {mb:6.1f} MB  {name}")
    extra = sorted(((mb, name) for name, mb in ours_by.items() if name not in spacy_by and name not in OWN), reverse=True)
    print(f"what litcheck adds to spaCy alone, by distribution ({sum(mb for mb, _ in extra):.0f} MB):")
    for mb, name in extra:
        if mb >= 0.5:
            print(f"  {mb:6.1f} MB  {name}")


if __name__ == "__main__":
    main()
