"""Read drafts from files and standard input: decoding, binary detection, clear errors.

A file is decoded from its bytes with the encoding its BOM names (UTF-8,
UTF-16 or UTF-32), else as UTF-8, else as Windows-1251 when that reads as
Russian words (what Excel and many Russian tools save), or in the encoding
the caller names; fixes are written back in the same encoding. Newlines are kept exactly as written, so
offsets, line numbers and in-place fixes refer to the real file. What cannot
be read becomes an :class:`InputError` with a one-line reason, never a
traceback.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from typing import BinaryIO, NamedTuple, Optional, Set

MAX_INPUT_BYTES = 512 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """An input that cannot be checked; ``str(exc)`` is the one-line reason."""


class BinaryInput(InputError):
    """An input that is not text."""


class NotRegularFile(BinaryInput):
    """A FIFO, socket or device: never read (a FIFO could block the run for ever)."""


class Decoded(NamedTuple):
    """A file's text and what is needed to write it back byte-for-byte."""

    text: str
    encoding: str
    bom: bytes


def decode(data: bytes, encoding: Optional[str] = None) -> Decoded:
    """Text of ``data``: in ``encoding`` when given, else the BOM-named encoding,
    UTF-8 or Windows-1251 (see ``_windows_1251``); binary data is refused."""
    if encoding is not None:
        return _decode_as(data, encoding)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding.upper()} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", b"")
    except UnicodeDecodeError as exc:
        text = _windows_1251(data)
        if text is not None:
            return Decoded(text, "cp1251", b"")
        raise InputError(f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "name the encoding with --encoding") from None


def _decode_as(data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    bom = next((b for b, e in _BOMS if data.startswith(b) and codecs.lookup(e).name == name), b"")
    try:
        return Decoded(data[len(bom):].decode(name), name, bom)
    except UnicodeDecodeError as exc:
        raise InputError(f"not {encoding} text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


_WORD = None


def _windows_1251(data: bytes) -> Optional[str]:
    """``data`` as Windows-1251 when it reads as Cyrillic words, else None.

    Any byte string decodes as Windows-1251, so the letters decide: in Russian
    text the non-ASCII letters make whole Cyrillic words, while Latin-1 text read
    this way (``für`` → ``fьr``) puts single Cyrillic letters inside Latin words."""
    global _WORD
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    if _WORD is None:
        import re

        _WORD = re.compile(r"[^\W\d_]+")
    cyrillic = mixed = 0
    for word in _WORD.findall(text):
        if any("\u0400" <= ch <= "\u04ff" for ch in word):
            if any(ch.isascii() for ch in word):
                mixed += 1
            else:
                cyrillic += 1
    return text if cyrillic and mixed * 10 <= cyrillic else None


def encode(decoded: Decoded, text: str) -> bytes:
    """``text`` in the same encoding, with the same BOM, as the file it came from."""
    return decoded.bom + text.encode(decoded.encoding)


def read_file(path: str, encoding: Optional[str] = None) -> Decoded:
    """Read and decode one regular file, with every failure as a one-line InputError.

    The file is opened without blocking and checked through its descriptor, so
    a FIFO (or a file swapped for one) is refused, never waited on."""
    try:
        if os.path.isdir(path):
            raise InputError("is a directory")
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # not even opened: opening a device can have effects
            raise NotRegularFile(f"not a regular file ({_file_type(mode)})")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise NotRegularFile(f"not a regular file ({_file_type(mode)})")
            data = _read_limited(fh)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return decode(data, encoding)


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a file"


def read_stream(stream: BinaryIO, encoding: Optional[str] = None) -> Decoded:
    try:
        return decode(_read_limited(stream), encoding)
    except OSError as exc:
        raise InputError(f"cannot read standard input: {exc.strerror or exc}") from None


def _read_limited(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
    return data


# write_atomic's temporary files: ".ozonlint-<pid>-<random>.tmp", so that a
# later run can tell the leftovers of a killed process from a running one's.
_TEMPORARY = re.compile(r"\.ozonlint-([0-9]+)-[A-Za-z0-9_]+\.tmp\Z")
_swept: Set[str] = set()


def remove_stale_temporaries(folder: str) -> None:
    """Delete the temporary files that killed ozonlint runs left in ``folder``
    (those whose process is gone); once per folder per process."""
    folder = os.path.abspath(folder)
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        names = os.listdir(folder)
    except OSError:
        return  # an unreadable folder: reading or writing its files reports why
    for name in names:
        match = _TEMPORARY.match(name)
        if match is None or _process_exists(int(match.group(1))):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass  # someone else's, or already gone


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # alive but not ours (EPERM), or cannot tell: keep the file
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed run's worker whose new parent does not reap it (a container's
    init often does not) stays a zombie: it answers signal 0 but will never
    write again, so its temporary file is a leftover."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False  # no /proc (not Linux), or it ended meanwhile: signal 0's answer stands


def write_atomic(path: str, data: bytes) -> None:
    """Write ``path`` so that a crash leaves the old file or the new one, never a mix.

    The new content goes to a temporary file in the same folder (same file
    system), is flushed to disk, takes the old file's mode (and owner, where
    permitted) — or, for a new file, the mode the umask gives — and is then
    renamed over the old file in one step. The temporary file's name holds
    the process id: one left by a killed run is deleted by the next run that
    writes into (or fixes files in) the folder.
    """
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        st: Optional[os.stat_result] = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a device or FIFO (-o /dev/stdout, /dev/null): written into, never replaced
        with open(path, "wb") as fh:
            fh.write(data)
        return
    remove_stale_temporaries(folder)
    fd, tmp = tempfile.mkstemp(prefix=f".ozonlint-{os.getpid()}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown"):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # not permitted for non-root users: the file stays ours
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
