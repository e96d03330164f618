"""
The backup file format, kept apart so that what a backup is can be read in one
place: this module knows nothing of Django, PostgreSQL or where backups are kept.

The file format (version 1), so that a backup can be read without this code:

- a header: ``CLINICBK``, the version byte, the key id (the first 8 bytes of
  HMAC-SHA256(key, "clinic backup key id")), when the dump started (big-endian
  microseconds since 1970, UTC) and a random 32-byte salt;
- then chunks of at most 1 MiB of the dump, each framed as a "last chunk" byte,
  a big-endian 4-byte length and the AES-GCM ciphertext with its tag, under a
  per-file key HKDF-SHA256(key, salt, "clinic backup v1"). The nonce is the
  chunk's number (11 bytes) and the "last" byte, and every chunk authenticates
  the header, so a changed, reordered, cut or extended file fails loudly.
"""

import base64
import binascii
import hashlib
import hmac
import itertools
import os
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .exceptions import BackupError

KEY_HELP = (
    "Generate one with `openssl rand -base64 32` and keep a copy away from this server: "
    "without it no backup can be read."
)

MAGIC = b"CLINICBK"
VERSION = 1
HEADER = struct.Struct(">8sB8sq32s")  # magic, version, key id, started (µs), salt
FRAME = struct.Struct(">BI")  # last chunk?, ciphertext length
CHUNK_SIZE = 1024 * 1024
TAG_SIZE = 16


# Keys -------------------------------------------------------------------------


def parse_key(value):
    """The 32-byte key that BACKUP_ENCRYPTION_KEY holds (base64, standard or URL-safe, as Fernet keys are)."""
    value = str(value).strip()
    if not value:
        raise BackupError(f"BACKUP_ENCRYPTION_KEY is not set: backups are encrypted with it. {KEY_HELP}")
    try:
        key = base64.b64decode(value.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        # Never echo the value: it may be a real key pasted badly.
        raise BackupError(
            "BACKUP_ENCRYPTION_KEY is not a valid key: it must be 32 random bytes in base64 "
            f"(44 characters). {KEY_HELP}"
        )
    return key


def key_id(key):
    """A fingerprint that tells keys apart without revealing them, stored in every backup."""
    return hmac.new(key, b"clinic backup key id", hashlib.sha256).digest()[:8]


# Writing ----------------------------------------------------------------------


def _file_cipher(key, salt):
    file_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"clinic backup v1").derive(key)
    return AESGCM(file_key)


def _nonce(number, last):
    return number.to_bytes(11, "big") + bytes([last])


def _read_full(stream, size):
    """Up to ``size`` bytes, fewer only at the end: a pipe hands them over in pieces."""
    parts, wanted = [], size
    while wanted:
        part = stream.read(wanted)
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)


def encrypt(source, target, key, started_at):
    """Write the binary stream ``source`` to ``target`` in the backup format."""
    salt = os.urandom(32)
    started = int(started_at.timestamp() * 1_000_000)
    header = HEADER.pack(MAGIC, VERSION, key_id(key), started, salt)
    cipher = _file_cipher(key, salt)
    target.write(header)
    number, chunk = 0, _read_full(source, CHUNK_SIZE)
    while True:
        following = _read_full(source, CHUNK_SIZE)
        last = not following
        sealed = cipher.encrypt(_nonce(number, last), chunk, header)
        target.write(FRAME.pack(last, len(sealed)) + sealed)
        if last:
            return
        number, chunk = number + 1, following


# Reading ----------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    started_at: datetime
    size: int


def _read_header(stream, key, path):
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size or not header.startswith(MAGIC):
        raise BackupError(f"{path} is not a backup made by manage.py backup.")
    _, version, file_key_id, started, salt = HEADER.unpack(header)
    if version != VERSION:
        raise BackupError(f"{path} is in backup format {version}; this version reads format {VERSION}.")
    if not hmac.compare_digest(file_key_id, key_id(key)):
        raise BackupError(
            f"{path} was encrypted with a different key (key id {file_key_id.hex()}; "
            f"BACKUP_ENCRYPTION_KEY has key id {key_id(key).hex()})."
        )
    return header, salt, datetime.fromtimestamp(started / 1_000_000, tz=UTC)


def open_backup(path, key):
    """What the header says about ``path``, once it is known to be ours and for this key."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            _, _, started_at = _read_header(stream, key, path)
    except FileNotFoundError:
        raise BackupError(f"There is no backup at {path}.") from None
    return BackupFile(path, started_at, path.stat().st_size)


def decrypted(path, key):
    """The dump in ``path``, chunk by chunk, each authenticated before it is handed over."""
    damaged = f"{path} is damaged or was changed after it was written. Do not use it; try an older backup."
    incomplete = f"{path} is incomplete: it ends before its last part (an interrupted copy?)."
    with Path(path).open("rb") as stream:
        header, salt, _ = _read_header(stream, key, path)
        cipher = _file_cipher(key, salt)
        for number in itertools.count():
            frame = stream.read(FRAME.size)
            last, length = FRAME.unpack(frame) if len(frame) == FRAME.size else (None, 0)
            sealed = stream.read(length)
            if last is None or len(sealed) < length:
                raise BackupError(incomplete)
            if last not in (0, 1) or length > CHUNK_SIZE + TAG_SIZE:
                raise BackupError(damaged)
            try:
                yield cipher.decrypt(_nonce(number, last), sealed, header)
            except InvalidTag:
                raise BackupError(damaged) from None
            if last:
                break
        if stream.read(1):
            raise BackupError(damaged)


def verify(path, key):
    """Read all of ``path``: a damaged backup is refused before anything is restored from it."""
    for _ in decrypted(path, key):
        pass
