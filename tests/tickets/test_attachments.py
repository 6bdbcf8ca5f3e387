import functools
import io
import struct
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step, request_data
from tickets import attachments
from tickets.models import Ticket

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


MB = 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _zip(entries: dict[str, bytes], methods: dict[str, int] | None = None) -> bytes:
    """A ZIP of `entries`, each deflated unless `methods` names another compression for it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content, compress_type=(methods or {}).get(name))
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
# As ODF requires and office suites write it: "mimetype" first and stored, not compressed.
ODT = _zip({"mimetype": ODT_MIMETYPE, "content.xml": b"<office/>"}, methods={"mimetype": zipfile.ZIP_STORED})


def _declare_size(archive: bytes, name: str, size: int) -> bytes:
    """`archive` claiming that `name` inflates to `size` bytes, in its local header and central directory."""
    with zipfile.ZipFile(io.BytesIO(archive)) as parsed:
        local = parsed.getinfo(name).header_offset
    central = archive.rindex(name.encode()) - 46  # the name's last copy follows its central directory entry
    assert archive[central : central + 4] == b"PK\x01\x02"
    forged = bytearray(archive)
    struct.pack_into("<I", forged, local + 22, size)
    struct.pack_into("<I", forged, central + 24, size)
    return bytes(forged)


@functools.cache
def _zeros_declared_small(name: str, method: int, megabytes: int, declared: int) -> bytes:
    """An archive whose one member `name` holds `megabytes` of zeros but declares only `declared` bytes."""
    return _declare_size(_zip({name: bytes(megabytes * MB)}, methods={name: method}), name, declared)


def _refusal_and_peak_memory(uploaded) -> tuple[str, int]:
    """The check's refusal ("" when the file is accepted) and the most memory it held at once, in bytes."""
    tracemalloc.start()
    try:
        attachments.validate_file(uploaded)
        refusal = ""
    except ValidationError as error:
        refusal = error.messages[0]
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return refusal, peak


class _CountingBytesIO(io.BytesIO):
    """A file that counts the bytes read from it, to show a check stopped before the end."""

    consumed = 0

    def read(self, size=-1):
        data = super().read(size)
        self.consumed += len(data)
        return data


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "label"),
    [
        ("nota.pdf", PDF, "PDF"),
        ("tela.png", PNG, "PNG"),
        ("foto.JPG", JPEG, "JPEG"),
        ("foto.jpeg", JPEG, "JPEG"),
        ("log.txt", "Erro às 14h: ação não concluída\n".encode(), "TXT"),
        ("log-latin1.txt", "ação".encode("latin-1"), "TXT"),
        ("planilha.csv", b"cpf;valor\n1;2\n", "CSV"),
        ("contrato.docx", DOCX, "DOCX"),
        ("consumo.xlsx", XLSX, "XLSX"),
        ("oficio.odt", ODT, "ODT"),
    ],
)
def test_allowed_formats_are_recognised_from_their_content(name, content, label):
    assert attachments.validate_file(upload(name, content)).label == label


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("fatura.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),  # HTML renamed .pdf
        ("log.txt", b"<html><body onload=alert(1)></body></html>"),  # HTML renamed .txt
        ("imagem.png", PDF),  # a PDF with the wrong extension
        ("script.pdf.exe", PDF),
        ("sem-extensao", PDF),
        ("desenho.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
        ("pagina.html", b"<p>oi</p>"),
        ("binario.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("pacote.docx", _zip({"qualquer.txt": b"x"})),  # a ZIP that is not a Word document
        ("quebrado.docx", b"PK\x03\x04 truncated"),
        ("nome.docx", _zip({"nõme.xml": b"x"}).replace("õ".encode(), b"\xff\xff")),  # a name that is not UTF-8
        ("vazio.odt", b"PK\x03\x04" + _zip({})),  # a ZIP with no members at all
    ],
)
def test_disguised_or_unknown_types_are_refused(name, content):
    with pytest.raises(ValidationError, match="não é de um tipo aceito"):
        attachments.validate_file(upload(name, content))


def test_empty_files_are_refused():
    with pytest.raises(ValidationError, match="está vazio"):
        attachments.validate_file(upload("vazio.pdf", b""))


def test_files_over_10_mb_are_refused():
    with pytest.raises(ValidationError, match="o limite é 10,0.+MB por arquivo"):
        attachments.validate_file(upload("grande.pdf", PDF + b"0" * (10 * 1024 * 1024)))


def test_zip_bombs_in_office_files_are_refused():
    bomb = _zip({"word/document.xml": b"0" * (20 * 1024 * 1024)})  # compresses about 1000:1
    with pytest.raises(ValidationError, match="compactado malicioso"):
        attachments.validate_file(upload("bomba.docx", bomb))


@pytest.mark.parametrize(
    ("method", "megabytes"),
    [(zipfile.ZIP_BZIP2, 64), (zipfile.ZIP_DEFLATED, 100), (zipfile.ZIP_LZMA, 48)],
    ids=["bzip2", "deflate", "lzma"],
)
def test_a_member_that_lies_about_its_size_is_refused_without_being_inflated(method, megabytes):
    # The probe's file: an ODT whose "mimetype" declares 39 bytes and holds tens of megabytes of zeros.
    archive = _zeros_declared_small("mimetype", method, megabytes, declared=len(ODT_MIMETYPE))
    refusal, peak = _refusal_and_peak_memory(upload("oficio.odt", archive))
    assert peak < 20 * MB
    assert "compactado malicioso" in refusal


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_members_compressed_other_than_stored_or_deflate_are_refused(method):
    docx = _zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
        methods={"word/document.xml": method},
    )
    with pytest.raises(ValidationError, match="compactado malicioso"):
        attachments.validate_file(upload("contrato.docx", docx))


@pytest.mark.parametrize(
    "odt",
    [
        _zip({"mimetype": ODT_MIMETYPE, "content.xml": b"<office/>"}),
        _zip({"content.xml": b"<office/>", "mimetype": ODT_MIMETYPE}, methods={"mimetype": zipfile.ZIP_STORED}),
        _zip(
            {"mimetype": ODT_MIMETYPE + b" " * 200, "content.xml": b"<office/>"},
            methods={"mimetype": zipfile.ZIP_STORED},
        ),
    ],
    ids=["mimetype-compressed", "mimetype-not-first", "mimetype-too-big"],
)
def test_an_odt_whose_mimetype_member_breaks_the_odf_layout_is_refused(odt):
    with pytest.raises(ValidationError, match="não é de um tipo aceito"):
        attachments.validate_file(upload("oficio.odt", odt))


def test_archives_with_too_many_members_are_refused():
    members = {f"word/media/{n}.xml": b"" for n in range(attachments.MAX_ZIP_ENTRIES)}
    docx = _zip({"word/document.xml": b"<w:document/>", **members})
    with pytest.raises(ValidationError, match="arquivos internos demais"):
        attachments.validate_file(upload("contrato.docx", docx))


def test_an_archive_declaring_small_sizes_is_refused_early_once_it_really_expands_past_them():
    # 200 MB of zeros deflate to about 200 KB: the check must give up long before reading all of it.
    docx = _zeros_declared_small("word/document.xml", zipfile.ZIP_DEFLATED, 200, declared=13)
    uploaded = upload("contrato.docx", docx)
    uploaded.file = _CountingBytesIO(docx)
    with pytest.raises(ValidationError, match="compactado malicioso"):
        attachments.validate_file(uploaded)
    assert uploaded.file.consumed < len(docx) / 2


def test_a_member_holding_less_than_it_declares_is_refused():
    docx = _declare_size(DOCX, "word/document.xml", 500)
    with pytest.raises(ValidationError, match="compactado malicioso"):
        attachments.validate_file(upload("contrato.docx", docx))


def test_archives_really_expanding_past_the_total_cap_are_refused(monkeypatch):
    monkeypatch.setattr(attachments, "MAX_ZIP_UNCOMPRESSED", 1 * MB)
    parts = {f"word/media/image{n}.png": bytes(range(256)) * 2048 for n in range(3)}  # 3 × 512 KB, stored
    docx = _zip({"word/document.xml": b"<w:document/>", **parts}, methods=dict.fromkeys(parts, zipfile.ZIP_STORED))
    with pytest.raises(ValidationError, match="compactado malicioso"):
        attachments.validate_file(upload("contrato.docx", docx))


def test_more_than_five_files_or_25_mb_in_total_are_refused():
    with pytest.raises(ValidationError, match="no máximo 5 arquivos"):
        attachments.validate_set(6, 100)
    with pytest.raises(ValidationError, match="o limite é 25,0.+MB no total"):
        attachments.validate_set(3, 26 * 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\maria\\nota.pdf", "nota.pdf"),
        ('"><img src=x onerror=alert(1)>.pdf', "img src=x onerror=alert(1).pdf"),
        ("relatório final.pdf", "relatório final.pdf"),
        ("...", "anexo"),
    ],
)
def test_original_names_are_made_safe_to_keep_and_show(name, safe):
    assert attachments.safe_name(name) == safe


# Through the form ------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def _to_step_three(client):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)


def test_a_disguised_file_is_a_field_error_and_the_rest_is_kept(client, ticket_form):
    _to_step_three(client)
    response = client.post(
        "/tickets/novo/datavalid/",
        {"step": "solicitacao", "action": "next", **request_data(), "files": [upload("fatura.pdf", b"<html></html>")]},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "“fatura.pdf” não é de um tipo aceito" in html
    assert "Erro 500 na consulta" in html
    assert client.session["ticket_form:datavalid"]["data"]["identificacao"]["name"] == ["João Pereira"]


def test_valid_files_survive_an_error_elsewhere_and_reach_the_ticket(client, ticket_form):
    _to_step_three(client)
    client.post(
        "/tickets/novo/datavalid/",
        {"step": "solicitacao", "action": "next", **request_data(title=""), "files": [upload("nota.pdf", PDF)]},
    )
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "nota.pdf" in html
    post_step(client, "datavalid", "solicitacao", request_data())
    post_step(client, "datavalid", "revisao", {"key": client.session["ticket_form:datavalid"]["key"]})
    attachment = Ticket.objects.get().attachments.get()
    assert attachment.original_name == "nota.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.file.read() == PDF
    assert "nota" not in attachment.file.name


def test_six_files_are_refused(client, ticket_form):
    _to_step_three(client)
    files = [upload(f"nota{n}.pdf", PDF) for n in range(6)]
    response = client.post(
        "/tickets/novo/datavalid/", {"step": "solicitacao", "action": "next", **request_data(), "files": files}
    )
    assert "no máximo 5 arquivos" in response.content.decode()


def test_a_parked_file_can_be_removed(client, ticket_form):
    _to_step_three(client)
    client.post(
        "/tickets/novo/datavalid/",
        {"step": "solicitacao", "action": "next", **request_data(title=""), "files": [upload("nota.pdf", PDF)]},
    )
    token = client.session["ticket_form:datavalid"]["files"][0]["token"]
    post_step(client, "datavalid", "solicitacao", request_data(remove=[token]))
    assert client.session["ticket_form:datavalid"]["files"] == []


def test_clearing_the_form_deletes_parked_files(client, ticket_form):
    from tickets.models import private_storage

    _to_step_three(client)
    client.post(
        "/tickets/novo/datavalid/",
        {"step": "solicitacao", "action": "next", **request_data(title=""), "files": [upload("nota.pdf", PDF)]},
    )
    path = client.session["ticket_form:datavalid"]["files"][0]["path"]
    assert private_storage.exists(path)
    client.post("/tickets/novo/datavalid/limpar/")
    assert not private_storage.exists(path)


def test_attachments_are_stored_outside_static_and_media(settings):
    from pathlib import Path

    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    assert not private.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    assert not str(settings.MEDIA_URL or "").strip("/") or not private.is_relative_to(Path(settings.MEDIA_ROOT))


def test_attachment_storage_location_is_not_frozen_into_migrations():
    from tickets.models import Attachment, get_private_storage

    *_, kwargs = Attachment._meta.get_field("file").deconstruct()
    assert kwargs["storage"] is get_private_storage
