"""Servers for benchmarks and end-to-end tests: an offline `streamlit run` on a free loopback port, its health
probe and process-group stop, nginx in front of replicas with the shipped deploy/nginx.conf, and process RSS.

Shared by bench/ and tests/ (tests/e2e, tests/test_replicas.py); it lives here, beside its other user, so that
no benchmark imports a test module. No pytest in here: skipping is the tests' business.
"""

from __future__ import annotations

import compileall
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_health(
    port: int, proc: subprocess.Popen | None = None, timeout: float = 90.0, log: Path | None = None
) -> float:
    """Poll /_stcore/health until it answers 'ok'; returns the seconds waited."""
    t0 = time.monotonic()
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() - t0 < timeout:
        if proc is not None and proc.poll() is not None:
            detail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"process exited with {proc.returncode} before it was healthy\n{detail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"server on port {port} not healthy after {timeout:.0f} s")


def compile_modules(root: Path = ROOT) -> None:
    """Byte-compile the app's modules (components/) once, as Python itself does on a first start: with
    PYTHONDONTWRITEBYTECODE set (this machine, the Docker image) every server start would compile them again,
    which a user's second start never pays. Pages and app.py are compiled by Streamlit on each run anyway."""
    if root not in _compiled:
        compileall.compile_dir(str(root / "components"), quiet=1)
        _compiled.add(root)


_compiled: set[Path] = set()


def start_streamlit(
    script: str = "app.py",
    port: int | None = None,
    cwd: Path = ROOT,
    extra_env: dict | None = None,
    log_dir: Path | None = None,
) -> tuple[subprocess.Popen, int, Path]:
    """Start `streamlit run <script>` headless on 127.0.0.1 in its own process group."""
    compile_modules(cwd)
    port = port or free_port()
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="claimlens-server-"))
    log = log_dir / f"streamlit-{port}.log"
    env = dict(os.environ)
    env.update({"CLAIMLENS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"})
    env.setdefault("CLAIMLENS_CACHE_DIR", str(log_dir / "cache"))
    env.update(extra_env or {})
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=str(cwd), env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    return proc, port, log


def stop_process(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Terminate the process group we started (and only it)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its direct children in MB (NaN when it is gone)."""
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    total, found = 0, False
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    found = True
        except OSError:
            pass
    return total / 1024 if found else float("nan")


def group_cpu_seconds(pgid: int) -> float:
    """CPU seconds (user + system) used so far by every live process of a process group (a server we started
    with its worker children)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 12 and int(fields[2]) == pgid:  # fields after the name: state ppid pgrp ...
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wait_cpu_quiet(pgid: int, share: float = 0.05, window: float = 1.0, timeout: float = 60.0) -> None:
    """Wait until the server's process group has used under `share` of one core over `window` seconds: its
    one-time warm-ups (imports, a worker's start) are over before anything is timed."""
    deadline = time.monotonic() + timeout
    before = group_cpu_seconds(pgid)
    while time.monotonic() < deadline:
        time.sleep(window)
        now = group_cpu_seconds(pgid)
        if now - before < share * window:
            return
        before = now


# ---------------------------------------------------------------- nginx in front of replicas
def replica_config(folder: Path, listen: int, upstreams: list[int]) -> str:
    """deploy/nginx.conf with loopback ports, private pid/log paths and the X-Upstream debug header on."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^worker_processes .*;", "worker_processes 1;", text)
    text = re.sub(r"(?m)^pid .*;", f"pid {folder}/nginx.pid;", text)
    text = re.sub(r"(?m)^error_log .*;", f"error_log {folder}/error.log warn;", text)
    text = re.sub(r"(?m)^(\s*)access_log .*;", rf"\1access_log {folder}/access.log;", text)
    text = re.sub(r"(?m)^(\s*)listen 80;", rf"\1listen 127.0.0.1:{listen};", text)
    servers = iter(upstreams)
    text = re.sub(r"server 127\.0\.0\.1:850\d", lambda m: f"server 127.0.0.1:{next(servers)}", text)
    text = text.replace(
        "# add_header X-Upstream $upstream_addr always;", "add_header X-Upstream $upstream_addr always;"
    )
    if "X-Upstream $upstream_addr always;" not in text or f"listen 127.0.0.1:{listen}" not in text:
        raise ValueError("deploy/nginx.conf changed shape: the replica rewrite no longer applies")
    return text


def start_nginx(folder: Path, upstreams: list[int], listen: int | None = None) -> tuple[subprocess.Popen, int]:
    """nginx (foreground, own process group) on a free loopback port in front of `upstreams`; checked with
    `nginx -t` first. Returns the process and its port; wait_health(port, proc) tells when it is up."""
    listen = listen or free_port()
    conf = folder / "nginx.conf"
    conf.write_text(replica_config(folder, listen, upstreams), encoding="utf-8")
    base = [NGINX, "-c", str(conf), "-p", str(folder), "-e", str(folder / "error.log")]
    check = subprocess.run([*base, "-t"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t failed: {check.stderr}")
    proc = subprocess.Popen(
        [*base, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True
    )
    return proc, listen
