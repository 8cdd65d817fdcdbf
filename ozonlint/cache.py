"""On-disk cache of compiled rule sets, keyed by the exact bytes of every pack.

Reading YAML and compiling a few thousand terms takes longer than starting
Python, and the CLI starts on every commit. The compiled form (rule specs,
term sets, pattern sources) is pickled under a key that hashes ozonlint's
version and modules, the Python version, and the path and content of every
pack file in load order: any change to any pack, or to ozonlint itself, is a
different key and so a fresh compile. Nothing is cached for packs that fail
validation.

Where: ``$OZONLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/ozonlint``, else
``~/.cache/ozonlint``; ``OZONLINT_CACHE_DIR=off`` turns the cache off. A
cache file is loaded only if it belongs to the current user and its folder is
writable by nobody else (a pickle from someone else is never unpickled), and
any failure to read or write it just means compiling again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

FORMAT = 1


def cache_dir() -> Optional[Path]:
    configured = os.environ.get("OZONLINT_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in ("", "0", "off", "false", "no"):
            return None
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ozonlint"


def _code_fingerprint() -> bytes:
    """Size and modification time of every module of ozonlint: a changed engine
    (an upgrade, or a developer's edit) must not read objects pickled by another."""
    package = Path(__file__).resolve().parent
    parts = []
    for module in sorted(package.rglob("*.py")):
        try:
            st = module.stat()
        except OSError:
            continue
        parts.append(f"{module.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


def key(files: Sequence[str], version: str) -> Optional[str]:
    """The cache key of the packs ``files`` (None if one cannot be read: no caching)."""
    digest = hashlib.sha256(f"{FORMAT}|{version}|{sys.version_info[:3]}".encode())
    digest.update(_code_fingerprint())
    for path in files:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _trusted(path: Path) -> bool:
    if not hasattr(os, "getuid"):
        return True
    try:
        folder = path.parent.stat()
        own = path.stat()
    except OSError:
        return False
    uid = os.getuid()
    return (own.st_uid == uid and folder.st_uid == uid
            and not folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            and not own.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def load(cache_key: Optional[str]) -> Any:
    folder = cache_dir()
    if cache_key is None or folder is None:
        return None
    path = folder / f"{cache_key}.pickle"
    if not path.is_file() or not _trusted(path):
        return None
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # a truncated or stale file: compile again
        return None


def store(cache_key: Optional[str], value: Any) -> None:
    folder = cache_dir()
    if cache_key is None or folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{cache_key}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only home, a full disk: run without the cache
        return
