"""A throwaway PostgreSQL cluster: for the test suite, the benchmarks and trying a team
project by hand (two windows as two members against one local server).

    python tools/pgcluster.py start /tmp/pg      # prints the owner's URL; stays running
    python tools/pgcluster.py stop /tmp/pg       # (-m immediate: a crash, for fault tests)

``initdb`` into ``FOLDER/data`` (trust authentication, superuser ``owner``), then ``pg_ctl
start`` listening on a Unix socket in ``FOLDER`` and on a free loopback port. PostgreSQL
refuses to run as root: when this runs as root the server runs as the ``postgres`` system
user (``runuser -u postgres --``), and the folder is handed to it. Nothing here is used by
the application itself.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

OWNER = "owner"


class ClusterError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tool(name: str) -> str:
    """``initdb``/``pg_ctl`` from PATH, else from Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in versions:
        if (folder / name).exists():
            return str(folder / name)
    raise ClusterError(f"{name} not found: install PostgreSQL (apt-get install -y postgresql)")


class Cluster:
    """One cluster in ``folder``. ``settings``: extra ``-c name=value`` server options (the
    test suite turns fsync off; a server crash (``stop("immediate")``) loses nothing either
    way, only an operating-system crash would)."""

    def __init__(self, folder: str | Path, port: int | None = None,
                 settings: dict[str, str] | None = None):
        self.folder = Path(folder).resolve()
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port_file = self.folder / "port"
        self.port = port or (int(self.port_file.read_text()) if self.port_file.exists()
                             else _free_port())
        self.settings = settings or {}
        self.as_postgres = os.geteuid() == 0

    # --- running commands as the server's user ------------------------------------------
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise ClusterError(f"{' '.join(args[:2])} failed ({done.returncode}): "
                               f"{(done.stderr or done.stdout).strip()[-2000:]}")
        return done

    def _prepare_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            for parent in [self.folder, *self.folder.parents]:
                if parent == Path("/"):
                    break
                mode = parent.stat().st_mode
                if not mode & 0o001:  # the postgres user must be able to pass through
                    parent.chmod(mode | 0o011)
            shutil.chown(self.folder, "postgres")

    # --- life cycle -----------------------------------------------------------------------
    def init(self) -> None:
        if (self.data / "PG_VERSION").exists():
            return
        self._prepare_folder()
        self._run(_tool("initdb"), "-D", str(self.data), "-A", "trust", "-U", OWNER,
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self.port_file.write_text(str(self.port))

    def start(self) -> str:
        """Start the server (initialising it first if needed); returns the owner's URL."""
        self.init()
        options = [f"-k {self.folder}", "-c listen_addresses=127.0.0.1", f"-p {self.port}"]
        options += [f"-c {k}={v}" for k, v in self.settings.items()]
        self._run(_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                  "-t", "60", "-o", " ".join(options), "start")
        return self.url()

    def stop(self, mode: str = "fast") -> None:
        self._run(_tool("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop",
                  check=False)

    def running(self) -> bool:
        return self._run(_tool("pg_ctl"), "-D", str(self.data), "status",
                         check=False).returncode == 0

    def url(self, user: str = OWNER, dbname: str = "postgres", password: str | None = None
            ) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}"

    def wait_ready(self, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise ClusterError(f"the server on port {self.port} did not come up")

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["start", "stop", "crash", "url"])
    parser.add_argument("folder")
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    cluster = Cluster(args.folder, args.port)
    try:
        if args.action == "start":
            print(cluster.start())
        elif args.action == "url":
            print(cluster.url())
        else:
            cluster.stop("immediate" if args.action == "crash" else "fast")
    except ClusterError as e:
        print(f"pgcluster: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
