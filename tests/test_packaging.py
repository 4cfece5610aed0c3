"""The lock file is fresh: every dependency in pyproject.toml is pinned, with hashes, in range.

`make lock` regenerates requirements.lock; this fails when someone edits pyproject.toml and
forgets to, so a fresh machine never installs a set the project did not ask for.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK_TEXT = (ROOT / "requirements.lock").read_text(encoding="utf-8")
_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>[^\s;\\]+)\s*(?:;\s*(?P<marker>[^\\]+?))?\s*\\?$"
)


def _lock_entries() -> list[tuple[str, Version, str | None, list[str]]]:
    """(name, version, marker, hashes) for every pinned requirement in the lock."""
    entries = []
    lines = LOCK_TEXT.splitlines()
    for i, line in enumerate(lines):
        m = _PIN.match(line)
        if not m:
            continue
        hashes = []
        for follow in lines[i + 1 :]:
            follow = follow.strip()
            if not follow.startswith("--hash="):
                break
            hashes.append(follow)
        entries.append((canonicalize_name(m["name"]), Version(m["version"]), m["marker"], hashes))
    return entries


LOCK = _lock_entries()


def _declared() -> list[Requirement]:
    runtime = PYPROJECT["project"]["dependencies"]
    dev = PYPROJECT["dependency-groups"]["dev"]
    return [Requirement(r) for r in [*runtime, *dev]]


def test_lock_was_generated_by_make_lock():
    assert "make lock" in LOCK_TEXT.splitlines()[1], "regenerate with `make lock`, never by hand"


def test_every_pin_has_hashes():
    assert LOCK, "no pins found"
    unhashed = [name for name, _, _, hashes in LOCK if not hashes]
    assert unhashed == []


@pytest.mark.parametrize("requirement", _declared(), ids=lambda r: r.name)
def test_declared_dependency_is_pinned_in_range(requirement):
    pins = [
        (version, marker)
        for name, version, marker, _ in LOCK
        if name == canonicalize_name(requirement.name)
        and (marker is None or Marker(marker).evaluate())
    ]
    assert pins, (
        f"{requirement.name} is in pyproject.toml but not in requirements.lock: run `make lock`"
    )
    for version, _ in pins:
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{requirement.name}=={version} does not satisfy '{requirement.specifier}': run `make lock`"
        )
