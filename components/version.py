"""The app's version, for exports (evidence pack, ClaimReview): a release number plus the commit when known."""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

VERSION = "0.11.0"
ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def app_version() -> str:
    """'0.11.0+<commit>' in a git checkout, '0.11.0' elsewhere (a deployed copy without git, or git failing)."""
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=2
        )
    except (OSError, subprocess.SubprocessError):
        return VERSION
    commit = out.stdout.strip()
    return f"{VERSION}+{commit}" if out.returncode == 0 and commit else VERSION
