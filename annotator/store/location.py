"""Where a project file lives: can we write there, and is it a place SQLite dislikes?

SQLite's locking (and WAL's shared memory) is unreliable on network file systems, and sync
clients (Dropbox, OneDrive, iCloud…) copy the database and its ``-wal`` file at different
moments, which can lose or corrupt recent work. Neither can be detected with certainty;
:func:`storage_warning` recognises the common cases so the user is warned, not blocked.
No SQL here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Folder names of sync clients (any component of the project's path).
SYNC_FOLDERS = ("dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive",
                "mobile documents", "nextcloud", "owncloud", "seafile", "syncthing", "box sync",
                "坚果云", "百度网盘", "baidunetdisk")
#: File system types (Linux /proc/mounts, macOS statfs) that are network or remote mounts.
NETWORK_FS = ("nfs", "nfs4", "cifs", "smbfs", "smb3", "afpfs", "webdav", "davfs", "fuse.sshfs",
              "sshfs", "9p", "fuse.rclone", "afs", "ncpfs", "glusterfs", "ceph", "fuse.gcsfuse")


def writable(path: Path) -> tuple[bool, str]:
    """Can the project be changed? (file and folder: SQLite writes its journal beside it)."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False, "the project file is read-only"
    if not os.access(folder, os.W_OK):
        return False, f"the folder {folder} is read-only"
    return True, ""


def sync_client(path: Path) -> str | None:
    """The sync client's folder in ``path``, if any."""
    for part in Path(path).resolve().parts:
        if part.lower() in SYNC_FOLDERS or part.lower().startswith(("onedrive - ",
                                                                      "dropbox (")):
            return part
    return None


def mount_type(path: Path, mounts: str | None = None) -> str | None:
    """The file system type of the mount holding ``path`` (Linux: /proc/mounts)."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, kind = "", None
    target = str(Path(path).resolve())
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def _windows_remote(path: Path) -> bool:
    text = str(Path(path).resolve())
    if text.startswith("\\\\"):
        return True  # a UNC path: \\server\share
    if sys.platform != "win32":
        return False
    import ctypes

    drive_remote = 4
    root = text[:3]
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote)  # type: ignore[attr-defined]


def storage_warning(path: Path, mounts: str | None = None) -> str | None:
    """One line for the user when the project is on a network drive or in a sync folder."""
    folder = sync_client(path)
    if folder:
        return (f"{path}: the project is in a sync folder ({folder}); a sync client can copy "
                "the file mid-write and lose recent work: keep projects on a local disk and "
                "share exports or backups instead")
    kind = mount_type(path, mounts) if sys.platform != "win32" else None
    if (kind and kind.lower() in NETWORK_FS) or _windows_remote(path):
        return (f"{path}: the project is on a network drive ({kind or 'remote'}); SQLite's "
                "locking is unreliable there: keep projects on a local disk")
    return None
