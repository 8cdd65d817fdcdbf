"""On-disk cache of compiled rule sets, keyed by the packs' and ozonlint's files.

Reading YAML and compiling a few thousand terms takes longer than starting
Python, and the CLI starts on every commit. The compiled form (rule specs,
term sets, gate index, pattern sources, and the compiled forms of the
regular expressions, see ``lazyre``) is pickled under a key built from
ozonlint's version, the Python and ``regex`` versions, and the path, size and
modification time of ozonlint's modules and of every pack file in load order
(see ``key``): an edited pack, or another ozonlint, is a different key and so a
fresh compile. Nothing is cached for packs that fail validation, and only
the KEEP most recently used files are kept.

Where: ``$OZONLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/ozonlint``, else
``~/.cache/ozonlint``; ``OZONLINT_CACHE_DIR=off`` turns the cache off.

Unpickling runs code, so a pickle from someone else must never be loaded. The
cache is used (read or written) only if no other user could have put a file
there: the cache folder is a real folder (not a symlink) of the current user
that nobody else may write to, and every folder above it, and every symlink
on the way, belongs to the user or root and cannot be changed by others (a
sticky folder such as ``/tmp`` is fine: others cannot replace what is ours
in it). The file itself is opened without following a symlink and must be
the user's and writable by nobody else. Any failure to read or write it just
means compiling again.
"""
from __future__ import annotations

import os
import stat
import sys
import zlib
from typing import Any, Optional, Sequence, Tuple

# pickle's C unpickler itself (also for the term sets' phrase tables, read on
# first use): the pure-Python pickle module around it costs 1 ms to import, on every start
try:
    import _pickle as _reader
except ImportError:  # an interpreter without the C accelerator
    import pickle as _reader
_unpickle = _reader.load
unpickle_bytes = _reader.loads

FORMAT = 4
# Files kept in the cache folder: every edit of a pack and every upgrade is a
# new key, so older files are removed (least recently used first) past this.
KEEP = 8


def cache_dir() -> Optional[str]:
    configured = os.environ.get("OZONLINT_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in ("", "0", "off", "false", "no"):
            return None
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "ozonlint")


def _stat_line(path: str) -> Optional[str]:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def _code_lines() -> Optional[list]:
    """``path:size:mtime`` of every module of ozonlint (read from the folders'
    entries: os.walk and a normalised path per file cost as much again as the
    stat calls themselves, on every start)."""
    lines = []
    pending = [os.path.dirname(os.path.abspath(__file__))]
    while pending:
        with os.scandir(pending.pop()) as found:
            entries = sorted(found, key=lambda entry: entry.name)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.name.endswith(".py"):
                try:
                    st = entry.stat()
                except OSError:
                    return None  # a module that cannot be read: no key, no cache
                lines.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")
    return lines


def key(files: Sequence[str], version: str) -> Optional[Tuple[str, str]]:
    """(file name, full key) for the packs ``files``; None if one cannot be read.

    The full key names ozonlint's version, the Python implementation and
    version and the ``regex`` version (compiled patterns are kept), and the path,
    size and modification time of every module of ozonlint (a changed engine
    must not read objects pickled by another) and of every pack file in load
    order (an edited pack is a different key). It is stored in the cache file
    and compared on load, so a short file name can never alias."""
    import regex  # compiled patterns are kept in regex's own format (see lazyre)

    lines = [f"format {FORMAT}", f"ozonlint {version}",
             f"python {sys.implementation.cache_tag} {sys.version_info[:3]}",
             f"regex {getattr(regex, '__version__', '?')}"]
    code = _code_lines()
    if code is None:
        return None
    lines.extend(code)
    lines.append("--packs--")
    for path in files:
        line = _stat_line(path)
        if line is None:
            return None
        lines.append(line)
    full = "\n".join(lines)
    data = full.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}.pickle", full


def _closed_to_others(st: os.stat_result) -> bool:
    """Nobody but the owner may write: not the world, nor a group other than the user's own."""
    return not (st.st_mode & stat.S_IWOTH or st.st_mode & stat.S_IWGRP and st.st_gid != os.getgid())


def _safe_folder(folder: str) -> bool:
    """Whether only the user (or root) can have put anything into ``folder`` (see the module notes)."""
    if not hasattr(os, "getuid"):
        return True
    uid = os.getuid()
    path = os.path.abspath(folder)
    try:
        own = os.lstat(path)
        if not stat.S_ISDIR(own.st_mode) or own.st_uid != uid or own.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
        pending, checked = [os.path.dirname(path)], set()
        while pending:
            current = pending.pop()
            if current in checked:
                continue
            checked.add(current)
            st = os.lstat(current)
            if st.st_uid not in (uid, 0):
                return False
            if stat.S_ISLNK(st.st_mode):
                pending.append(os.path.realpath(current))  # where it leads must be safe as well
            elif not stat.S_ISDIR(st.st_mode):
                return False
            elif not (_closed_to_others(st) or st.st_mode & stat.S_ISVTX):
                return False
            parent = os.path.dirname(current)
            if parent != current:
                pending.append(parent)
    except OSError:
        return False
    return True


def _open_trusted(path: str) -> Optional[Any]:
    """``path`` opened for reading if it is the user's own regular file that nobody else may write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    st = os.fstat(fd)
    if hasattr(os, "getuid") and (not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid()
                                  or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        os.close(fd)
        return None
    return os.fdopen(fd, "rb")


def load(cache_key: Optional[Tuple[str, str]]) -> Any:
    folder = cache_dir()
    if cache_key is None or folder is None:
        return None
    path = os.path.join(folder, cache_key[0])
    if not os.path.isfile(path) or not _safe_folder(folder):
        return None
    fh = _open_trusted(path)
    if fh is None:
        return None
    import gc

    collecting = gc.isenabled()
    gc.disable()  # unpickling makes thousands of objects and no cycles: twice as fast without gc
    try:
        with fh:
            stored_key, value = _unpickle(fh)
    except Exception:  # a truncated or foreign file: compile again
        return None
    finally:
        if collecting:
            gc.enable()
    if stored_key != cache_key[1]:
        return None
    try:
        os.utime(path)  # recently used: kept longest (see _prune)
    except OSError:
        pass
    return value


def _prune(folder: str) -> None:
    """Remove all but the KEEP most recently used cache files."""
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".pickle")]
        if len(names) <= KEEP:
            return
        paths = [os.path.join(folder, n) for n in names]
        paths.sort(key=lambda p: os.stat(p).st_mtime_ns, reverse=True)
        for path in paths[KEEP:]:
            os.unlink(path)
    except OSError:  # another process pruned first, or the folder went away
        return


def store(cache_key: Optional[Tuple[str, str]], value: Any) -> None:
    folder = cache_dir()
    if cache_key is None or folder is None:
        return
    import pickle
    import tempfile

    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _safe_folder(folder):
            return  # a folder others control: whatever we wrote there could not be trusted later
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((cache_key[1], value), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, os.path.join(folder, cache_key[0]))
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only home, a full disk: run without the cache
        return
    _prune(folder)
