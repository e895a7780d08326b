"""Pasted or uploaded text -> str, or a message naming the problem (size in exact bytes, encoding, binary).

Why exact bytes: a limit is only fair if the message can be checked ("204,801 bytes; the limit is 204,800
bytes"), and rounding to KB told a user who was one byte over that they were at the limit.
"""

from __future__ import annotations

import codecs

MAX_BYTES = 200 * 1024
ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class TextInputError(ValueError):
    """Input that cannot be scanned; the message is shown to the user as is (it holds none of the input)."""


def byte_count(n: int) -> str:
    return f"{n:,} byte" + ("" if n == 1 else "s")


def over_limit(size: int, limit: int = MAX_BYTES) -> str:
    """'' when size fits, else the message with both figures exact."""
    if size <= limit:
        return ""
    return f"The text is {byte_count(size)}; the limit is {byte_count(limit)} ({byte_count(size - limit)} over)."


def decode(data: bytes, name: str = "upload.txt", limit: int = MAX_BYTES) -> tuple[str, str]:
    """(text, encoding name) of an uploaded file: UTF-8 (with or without BOM), UTF-16/32 with a BOM."""
    if name and not name.lower().endswith(ALLOWED_SUFFIXES):
        raise TextInputError(f"Only plain text files ({', '.join(ALLOWED_SUFFIXES)}) can be scanned.")
    if problem := over_limit(len(data), limit):
        raise TextInputError(problem.replace("The text", "The file"))
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), f"{label} with a byte-order mark"
            except UnicodeDecodeError as exc:
                raise TextInputError(
                    f"The file starts with a {label} byte-order mark but is not valid {label} "
                    f"(bad bytes at position {exc.start:,})."
                ) from None
    if b"\x00" in data[:8192]:
        raise TextInputError(
            "This looks like a binary file (it contains NUL bytes) or UTF-16 text without a byte-order mark; "
            "save it as UTF-8 text and try again."
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        raise TextInputError(
            f"The file is not valid UTF-8 (first bad byte at position {exc.start:,}); save it as UTF-8 text."
        ) from None


def check_text(text: str | None, limit: int = MAX_BYTES) -> str:
    """Pasted text: not empty, within the limit (counted in UTF-8 bytes), prose rather than control codes."""
    if text is None or not text.strip():
        raise TextInputError("The text is empty: paste an article or upload a .txt or .md file.")
    if problem := over_limit(len(text.encode("utf-8", errors="surrogatepass")), limit):
        raise TextInputError(problem)
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if control > max(10, len(text) // 100):
        raise TextInputError(f"The text holds {control:,} control characters; it does not look like prose.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_upload(data: bytes, name: str = "upload.txt", limit: int = MAX_BYTES) -> str:
    text, _ = decode(data, name, limit)
    return check_text(text, limit)
