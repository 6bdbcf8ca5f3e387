"""What a ticket may carry as attachments, decided from the files' content, never their names.

A file is accepted when its bytes are one of the allowed formats *and* its extension names that
same format: an HTML page renamed ``.pdf`` fails both ways. Office files are ZIP archives: every
member is inflated in memory, a small chunk at a time and never written out, counting the bytes it
really holds, and the file is refused the moment it expands too far or disagrees with what it declares.
"""

import logging
import zipfile
import zlib
from dataclasses import dataclass

from botocore.exceptions import BotoCoreError, ClientError
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TOTAL_SIZE = 25 * 1024 * 1024

# ZIP-based formats: limits on what the archive really expands to, counted as it is inflated.
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100  # bytes inflated per byte of the uploaded file
ZIP_READ_CHUNK = 64 * 1024
# The only methods zipfile inflates a bounded chunk at a time: its bzip2 and LZMA readers give the
# decompressor no output limit, so one small read of a few compressed bytes can yield a gigabyte.
ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
ZIP_UNREADABLE_FLAGS = 0x01 | 0x20 | 0x40  # encrypted, patched data, strong encryption
ODF_MIMETYPE_MAX_SIZE = 100

#: What private storage raises when it cannot keep or read a file: a full or read-only disk, or an
#: object storage that is down or refuses. Anything else is a bug and stays one.
STORAGE_ERRORS: tuple[type[Exception], ...] = (OSError, BotoCoreError, ClientError)

#: A file chosen on a form step could not be kept; the step comes back with the text as typed.
STORAGE_FAILED_UPLOAD = _(
    "Não conseguimos guardar o arquivo agora. O que você digitou foi mantido: "
    "anexe o arquivo de novo em alguns minutos."
)
#: Sending the ticket failed on its attachments: nothing was saved, the form is still complete.
STORAGE_FAILED_SEND = _(
    "Não conseguimos guardar os anexos agora, e a solicitação ainda não foi enviada. Tudo o que você "
    "preencheu continua aqui: tente enviar de novo em alguns minutos."
)
#: A reply's attachments could not be kept: the message was not sent, its text comes back.
STORAGE_FAILED_REPLY = _(
    "Não conseguimos guardar os anexos agora, e a mensagem ainda não foi enviada. O texto continua aqui: "
    "anexe os arquivos de novo e envie em alguns minutos."
)


class StorageUnavailable(Exception):
    """Private storage failed while keeping a ticket's files: the ticket or message was not saved."""


def delete_quietly(storage, path: str) -> None:
    """Remove a file nothing refers to any more; if storage fails, it stays behind, logged, never an error page."""
    try:
        storage.delete(path)
    except STORAGE_ERRORS:
        logger.warning("Could not remove %s from private storage", path)


logger = logging.getLogger(__name__)

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
MALICIOUS_ZIP = _("“%(name)s” parece um arquivo compactado malicioso e foi recusado.")


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
    """DOCX, XLSX or ODT, once the whole archive has been inflated within the limits; None for other ZIPs.

    Naming the format needs only the member names and ODF's tiny ``mimetype``, but the file is kept and
    an agent's office suite will inflate all of it, so all of it is checked here first.
    """
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            budget = min(MAX_ZIP_UNCOMPRESSED, MAX_ZIP_RATIO * uploaded.size)
            _check_expansion(archive, name=uploaded.name, budget=budget)
            return _office_kind(archive)
    except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError):  # no readable ZIP directory
        return None
    finally:
        uploaded.seek(0)


def _check_expansion(archive: zipfile.ZipFile, *, name: str, budget: int) -> None:
    """Refuse the archive unless every member inflates to exactly its declared size, all within `budget` bytes.

    The budget is never checked against declared sizes: each member is streamed and its real bytes
    counted, and reading stops one chunk past its declared size or the budget, whichever comes first.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(_("“%(name)s” tem arquivos internos demais."), params={"name": name})
    if any(entry.compress_type not in ZIP_METHODS or entry.flag_bits & ZIP_UNREADABLE_FLAGS for entry in entries):
        raise ValidationError(MALICIOUS_ZIP, params={"name": name})
    expanded = 0
    for entry in entries:
        try:
            size = _inflated_size(archive, entry, limit=min(entry.file_size, budget - expanded))
        except (zipfile.BadZipFile, EOFError, zlib.error, UnicodeDecodeError) as error:
            # The member's header, data or CRC contradicts the directory: forged or damaged.
            raise ValidationError(MALICIOUS_ZIP, params={"name": name}) from error
        expanded += size
        if size != entry.file_size or expanded > budget:
            raise ValidationError(MALICIOUS_ZIP, params={"name": name})


def _inflated_size(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, *, limit: int) -> int:
    """How many bytes `entry` really inflates to, read a chunk at a time; stops as soon as it passes `limit`."""
    size = 0
    with archive.open(entry) as member:
        while size <= limit and (chunk := member.read(ZIP_READ_CHUNK)):
            size += len(chunk)
    return size


def _office_kind(archive: zipfile.ZipFile) -> Kind | None:
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if _is_odf_text(archive):
        return ODT
    return None


def _is_odf_text(archive: zipfile.ZipFile) -> bool:
    """ODF's own signature: a first member ``mimetype``, stored uncompressed, holding just the media type."""
    entries = archive.infolist()
    if not entries:
        return False
    first = entries[0]
    if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
        return False
    if first.file_size > ODF_MIMETYPE_MAX_SIZE:
        return False
    with archive.open(first) as member:
        return member.read(ODF_MIMETYPE_MAX_SIZE + 1) == ODT.content_type.encode()


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
    try:
        content = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    except STORAGE_ERRORS:
        logger.exception("Private storage could not open %s", attachment.file.name)
        return HttpResponse(
            loader.render_to_string("503.html"), status=503, headers={"Retry-After": "60", "Cache-Control": "no-store"}
        )
    response = FileResponse(
        content,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
