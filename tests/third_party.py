"""Finding the third-party tools the integration tests run, and running them offline.

Each tool is taken from an environment variable (``.ci/run`` installs the tools
in a scratch folder and exports where they are) or else from ``PATH``; a test
that needs a missing tool is skipped with the reason printed (``-ra``).
Networked tools get no network: inside ``unshare -rn`` (a network namespace
with only loopback) where the kernel allows it, and with every proxy variable
pointing at a closed port on loopback either way, so a fetch fails loudly
instead of reaching the internet.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Sequence

import pytest

# A port nothing listens on: a request sent there is refused at once.
DEAD_PROXY = "http://127.0.0.1:9"


def find_tool(variable: str, command: str) -> str | None:
    """The tool named by ``$variable``, else ``command`` on PATH, else None."""
    return os.environ.get(variable) or shutil.which(command)


def require_tool(variable: str, command: str, what: str) -> str:
    path = find_tool(variable, command)
    if path is None:
        pytest.skip(f"{what} is not installed (set {variable}, or put {command} on PATH)")
    return path


@functools.cache
def _can_unshare() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def offline_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        env[name] = DEAD_PROXY
    for name in ("NO_PROXY", "no_proxy"):
        env.pop(name, None)
    env.update(extra or {})
    return env


def run_offline(
    command: Sequence[str],
    *,
    cwd: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with no network (see the module's docstring)."""
    prefix = ["unshare", "-rn"] if _can_unshare() else []
    return subprocess.run(
        [*prefix, *command],
        cwd=cwd,
        env=offline_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
