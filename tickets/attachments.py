"""What a ticket may carry as attachments, decided from the files' content, never their names.

A file is accepted when its bytes are one of the allowed formats *and* its extension names that
same format: an HTML page renamed ``.pdf`` fails both ways. Office files are ZIP archives, so they
are opened (without extracting) and refused when they look like a ZIP bomb.
"""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TOTAL_SIZE = 25 * 1024 * 1024

# ZIP-based formats: limits on what the archive would expand to.
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100

ACCEPT = ".pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx,.odt"


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = Kind("PDF", "application/pdf", (".pdf",))
PNG = Kind("PNG", "image/png", (".png",))
JPEG = Kind("JPEG", "image/jpeg", (".jpg", ".jpeg"))
TXT = Kind("TXT", "text/plain", (".txt",))
CSV = Kind("CSV", "text/csv", (".csv",))
DOCX = Kind("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",))
XLSX = Kind("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
ODT = Kind("ODT", "application/vnd.oasis.opendocument.text", (".odt",))
KINDS = (PDF, PNG, JPEG, TXT, CSV, DOCX, XLSX, ODT)

NOT_ALLOWED = _(
    "“%(name)s” não é de um tipo aceito. Envie PDF, PNG, JPEG, TXT, CSV, DOCX, XLSX ou ODT, "
    "com a extensão que corresponde ao conteúdo."
)


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip().lower()
    return start.startswith((b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<head", b"<iframe"))


def _text_kind(head: bytes, extension: str) -> Kind | None:
    # Plain text in any 8-bit encoding: no NUL bytes (binary) and not a web page in disguise.
    if b"\x00" in head or _looks_like_markup(head):
        return None
    return {".txt": TXT, ".csv": CSV}.get(extension)


def _zip_kind(uploaded) -> Kind | None:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise ValidationError(_("“%(name)s” tem arquivos internos demais."), params={"name": uploaded.name})
            expanded = sum(entry.file_size for entry in entries)
            compressed = sum(entry.compress_size for entry in entries) or 1
            if expanded > MAX_ZIP_UNCOMPRESSED or expanded / compressed > MAX_ZIP_RATIO:
                raise ValidationError(
                    _("“%(name)s” parece um arquivo compactado malicioso e foi recusado."),
                    params={"name": uploaded.name},
                )
            names = {entry.filename for entry in entries}
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.content_type.encode():
                return ODT
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return None
    finally:
        uploaded.seek(0)
    return None


def sniff(uploaded) -> Kind | None:
    """The allowed format the file's content *is*, or None."""
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    extension = _extension(uploaded.name)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(uploaded)
    if extension in {".txt", ".csv"}:
        return _text_kind(head, extension)
    return None


def validate_file(uploaded) -> Kind:
    """Check one file; returns its format or raises a ValidationError the customer can act on."""
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” está vazio."), params={"name": uploaded.name}, code="empty")
    if uploaded.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("“%(name)s” tem %(size)s; o limite é %(limit)s por arquivo."),
            params={
                "name": uploaded.name,
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(MAX_FILE_SIZE),
            },
            code="too_big",
        )
    kind = sniff(uploaded)
    if kind is None or _extension(uploaded.name) not in kind.extensions:
        raise ValidationError(NOT_ALLOWED, params={"name": uploaded.name}, code="type")
    return kind


def validate_set(count: int, total_size: int) -> None:
    if count > MAX_FILES:
        raise ValidationError(_("Envie no máximo %(limit)d arquivos."), params={"limit": MAX_FILES}, code="too_many")
    if total_size > MAX_TOTAL_SIZE:
        raise ValidationError(
            _("Os anexos somam %(size)s; o limite é %(limit)s no total."),
            params={"size": filesizeformat(total_size), "limit": filesizeformat(MAX_TOTAL_SIZE)},
            code="too_big_total",
        )


def safe_name(name: str) -> str:
    """The customer's file name, kept as metadata: no path, no control characters, not too long."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable() and char not in '"<>|:*?')
    name = name.strip(" .") or "anexo"
    if len(name) > 120:
        extension = _extension(name)[:10]
        name = name[: 120 - len(extension)] + extension
    return name


def download(attachment):
    """The file as a download: never rendered by the browser, a safe RFC 6266 name, no sniffing.

    Callers check access first; this only builds the response.
    """
    from django.http import FileResponse

    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
