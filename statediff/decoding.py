"""Bytes -> text by fixed, explainable rules (:func:`decode`), and a sniffing helper for any encoding.

The rules, in order: an encoding the user names; a byte-order mark; a binary file refused; UTF-8; for
HTML, the page's declared charset; EUC-JP or Shift_JIS when the text reads as Japanese; Windows-1252,
unless the bytes are damaged UTF-8. Each step is a function of its own below :func:`decode`.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from .errors import ReadError
from .textkit import KANA_KANJI_CLASS

__all__ = ["BOMS", "ascii_head", "decode"]

#: Byte-order marks and the codecs they name; UTF-32-LE before UTF-16-LE, whose mark is a prefix of it.
BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# Control characters that never occur in a text document (tab, line feed, form feed, carriage return
# and escape excepted): a few percent of them means a binary file.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# A well-formed UTF-8 multi-byte sequence; used to tell damaged UTF-8 from a legacy encoding.
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


@lru_cache(maxsize=1)
def _japanese_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What :func:`_reads_as_japanese` reads with, compiled on first use: their character classes
    of tens of thousands of characters take about 10 ms to compile, and bytes that decode as UTF-8
    never need them."""
    # What JIS-encoded text holds beyond ASCII: kana, kanji, full-width forms, CJK punctuation, and
    # the quotes, dashes, arrows, shapes and signs of JIS X 0208's symbol rows.
    jis_text = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\u2010-\u203b\u2190-\u21ff"
                          r"\u2200-\u22ff\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff\u00a7\u00a8\u00b0\u00b1\u00b4"
                          r"\u00b6\u00d7\u00f7\u0391-\u03c9\u0401-\u0451]")
    # Japanese script only (kana and kanji), unlike textkit.CJK, which takes Hangul too: these decide
    # whether bytes decoded as EUC-JP or Shift_JIS read as Japanese, and Hangul is no sign of that
    # (a wrong guess decodes to it as readily as to anything else).
    script = re.compile(f"[{KANA_KANJI_CLASS}]")
    run = re.compile(f"[{KANA_KANJI_CLASS}]{{2,}}")
    halfwidth_kana = re.compile(r"[\uff61-\uff9f]")
    return jis_text, script, run, halfwidth_kana


def decode(data: bytes, label: str = "<input>", *, encoding: str | None = None, html: bool = False,
           strict: bool = True) -> str:
    """Decode ``data`` by fixed, explainable rules, in this order:

    1. ``encoding`` when given (``--encoding``): exactly that, and an error if the bytes do not fit;
    2. a byte-order mark: UTF-8, UTF-16 or UTF-32;
    3. a binary file (NUL or other control bytes) is refused;
    4. UTF-8;
    5. for HTML, the page's ``<meta charset>`` or XML declaration;
    6. EUC-JP, then Shift_JIS (Windows code page 932), each only when every byte fits and the text
       reads as Japanese; then Windows-1252 (cp1252, a superset of Latin-1's printable range), unless
       the bytes are mostly UTF-8 with a few broken sequences, which is refused as damaged UTF-8.

    Candidates are tried strictly: a guess that leaves undecodable bytes is never taken, so a
    document is decoded correctly or refused with a message naming ``--encoding``. With
    ``strict=False`` the given encoding is a server's declared charset: it is tried after UTF-8 (a
    server's default "ISO-8859-1" label on UTF-8 text is a common mistake), and one that does not
    fit falls through to the rules instead of failing.

    >>> decode("Café".encode("cp1252")), decode("日仏".encode("shift_jis")), decode("日仏".encode("euc_jp"))
    ('Café', '日仏', '日仏')
    """
    if encoding and strict:
        return _decode_as_named(data, label, encoding)
    text = _decode_by_bom(data, label)
    if text is not None:
        return text
    _refuse_binary(data, label)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    text = _decode_declared(data, encoding, html)
    if text is None:
        text = _decode_japanese(data)
    if text is None:
        text = _decode_legacy(data, label, first_error)
    return text


def _decode_as_named(data: bytes, label: str, encoding: str) -> str:
    """Rule 1: exactly the encoding the user named, or an error."""
    codec = _charset(encoding)
    if codec is None:
        raise ReadError(f"{label}: unknown encoding {encoding!r} (give a character encoding such as utf-8, "
                        "cp1252 or shift_jis)")
    try:
        return _strip_bom(data.decode(codec))
    except UnicodeDecodeError as exc:
        raise ReadError(f"{label}: not valid {encoding} ({exc.reason} at byte {exc.start})") from None


def _decode_by_bom(data: bytes, label: str) -> str | None:
    """Rule 2: the encoding a byte-order mark names (an error if the rest does not fit), or None."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ReadError(f"{label}: not valid {codec} ({exc.reason} at byte {exc.start})") from None
    return None


def _refuse_binary(data: bytes, label: str) -> None:
    """Rule 3: NUL or a share of other control bytes in the first 8 KiB mean a binary file."""
    head = data[:8192]
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        raise ReadError(f"{label}: looks like a binary file, not a text document "
                        "(for UTF-16 without a byte-order mark, give --encoding utf-16-le)")


def _decode_declared(data: bytes, encoding: str | None, html: bool) -> str | None:
    """Rule 5 (and a server's charset): the first declared encoding that fits, or None."""
    declared = [encoding] if encoding else []  # a server's: after UTF-8, since servers often say Latin-1 by default
    if html:
        m = _META_CHARSET.search(data[:4096]) or _XML_ENCODING.search(data[:1024])
        if m:
            declared.append(m.group(1).decode("ascii"))
    for name in declared:
        codec = _charset(name)
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    return None


def _decode_japanese(data: bytes) -> str | None:
    """Rule 6, first half: EUC-JP, then Shift_JIS (cp932), where every byte fits and the text reads as
    Japanese; None otherwise."""
    for codec in ("euc_jp", "cp932"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_japanese(text):
            return text
    return None


def _decode_legacy(data: bytes, label: str, first_error: UnicodeDecodeError) -> str:
    """Rule 6, second half: Windows-1252, unless the bytes are damaged UTF-8 (refused)."""
    if _mostly_utf8(data):
        raise ReadError(f"{label}: not valid UTF-8 (damaged: {first_error.reason} at byte {first_error.start}); "
                        "repair the file or name its encoding with --encoding")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(f"{label}: not valid UTF-8 ({first_error.reason} at byte {first_error.start}) nor any "
                        f"encoding statediff recognises; name the encoding with --encoding") from None


def ascii_head(head: bytes) -> str:
    """The start of ``data`` as ASCII, whatever its encoding (UTF-16 included), for sniffing."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(codec.replace("-sig", ""), "ignore")
    return head.decode("ascii", "ignore")


# Codecs that Python decodes with but that are not character sets: they interpret the text (escape
# sequences, IDNA or Punycode labels) or refuse everything, so a server naming one would alter it.
_NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "unicode-internal"}


def _charset(name: str) -> str | None:
    """The codec for a character encoding's name, or None for an unknown name or a codec that is not
    a character set (``unicode_escape``, ``base64``, ``rot13``...)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _reads_as_japanese(text: str) -> bool:
    """True when the non-ASCII characters are (nearly) all Japanese script, with no half-width kana
    (which official text does not use, but which bytes of another encoding often decode to)."""
    jis_text, script, run, halfwidth_kana = _japanese_patterns()
    non_ascii = len(_NON_ASCII.findall(text))
    if not non_ascii or halfwidth_kana.search(text):
        return False
    if len(jis_text.findall(text)) < 0.9 * non_ascii:
        return False
    # Japanese is written in runs of kana and kanji; bytes of cp1252 text read as Shift_JIS give lone
    # ideographs between Latin letters ("Japan\x92s" -> "Japan" + one kanji + "s").
    cjk = len(script.findall(text))
    return sum(len(r) for r in run.findall(text)) >= 0.5 * cjk


def _mostly_utf8(data: bytes) -> bool:
    """True when most high bytes form well-formed UTF-8 sequences: UTF-8 with a few damaged bytes
    (decoding it as cp1252 would turn every accent and quote into mojibake)."""
    high = len(_HIGH_BYTE.findall(data))
    in_seqs = sum(len(m.group(0)) for m in _UTF8_SEQ.finditer(data))
    return high > 0 and in_seqs >= 0.5 * high
