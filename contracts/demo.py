"""Demo documents: each demo contract's signed contract and a yearly termo aditivo (reajuste), as
small real PDFs in private storage. Runs after portal's demo, which creates the contracts."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from contracts.models import ContractDocument
from portal.models import Contract


def _pdf(text: str) -> bytes:
    """A one-page PDF saying ``text`` (ASCII), enough for a browser's viewer to open."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _documents_of(contract: Contract, today: datetime.date) -> list[tuple[str, str, datetime.date, str]]:
    """(kind, title, date, file name): the contract, then one aditivo per year of term already run."""
    slug = contract.number.replace("/", "-")
    documents = [("contrato", f"Contrato {contract.number}", contract.start_date, f"contrato-{slug}.pdf")]
    last = min(today, contract.end_date) if contract.end_date else today
    year = 1
    while (anniversary := contract.start_date.replace(year=contract.start_date.year + year)) <= last:
        documents.append(
            ("aditivo", f"{year}º Termo Aditivo (reajuste anual)", anniversary, f"aditivo-{year}-{slug}.pdf")
        )
        year += 1
    return documents


def seed(stdout) -> None:
    today = timezone.localdate()
    created = 0
    for contract in Contract.objects.filter(organization__memberships__isnull=False).distinct():
        for kind, title, date, name in _documents_of(contract, today):
            if ContractDocument.objects.filter(contract=contract, title=title).exists():
                continue
            content = _pdf(f"{title} - {contract.number}")
            document = ContractDocument(
                contract=contract,
                kind=kind,
                title=title,
                date=date,
                original_name=name,
                content_type="application/pdf",
                size=len(content),
            )
            document.file.save(name, ContentFile(content), save=False)
            document.full_clean()
            document.save()
            created += 1
    total = ContractDocument.objects.count()
    stdout.write(f"  contracts: {total} contract documents ({created} new)")
