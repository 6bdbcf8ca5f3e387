"""What a 2ª via shows, as a page and as a PDF, and the other files and texts made from an invoice."""

import io
from decimal import Decimal

import segno
from django.http import FileResponse
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from billing import febraban, services
from billing.models import BoletoIssue, Invoice
from portal import qr

#: The barcode's height in narrow-bar units (FEBRABAN: 13 mm high for a 0.25 mm narrow bar is ~52).
BARCODE_HEIGHT = 52


def brl(value: Decimal | None) -> str:
    if value is None:
        return ""
    return "R$ " + formats.number_format(value, 2, use_l10n=True, force_grouping=True)


def period_label(invoice: Invoice) -> str:
    return formats.date_format(invoice.period, "YEAR_MONTH_FORMAT")


def barcode_svg(code: str) -> str:
    """The ITF barcode as SVG rects, drawn on the server (no script, no inline style)."""
    width = febraban.itf_width(code)
    rects = "".join(f'<rect x="{x}" y="0" width="{w}" height="{BARCODE_HEIGHT}"/>' for x, w in febraban.itf_bars(code))
    return format_html(
        '<svg class="boleto-barcode" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">{}</svg>',
        _("Código de barras do boleto"),
        width,
        BARCODE_HEIGHT,
        mark_safe(rects),  # noqa: S308 (numbers only)
    )


def qr_svg(payload: str) -> str:
    """The PIX QR code as inline SVG (segno), labelled for screen readers."""
    return qr.qr_svg(payload, label=_("QR Code PIX para pagar esta fatura"), svgclass="pix-qr", scale=4, omitsize=True)


def boleto_context(invoice: Invoice, issue: BoletoIssue) -> dict:
    return {
        "invoice": invoice,
        "issue": issue,
        "days_late": max((issue.due_date - invoice.due_date).days, 0),
        "barcode_svg": barcode_svg(issue.barcode),
        "qr_svg": qr_svg(issue.pix_payload),
        "beneficiary": services.BENEFICIARY_NAME,
        "beneficiary_cnpj": services.BENEFICIARY_CNPJ,
    }


def boleto_pdf(invoice: Invoice, issue: BoletoIssue) -> bytes:
    """The same boleto as a one-page A4 PDF (ReportLab): amounts, linha digitável, barcode and QR."""
    buffer = io.BytesIO()
    # Uncompressed: a one-page boleto stays small, and its text can be searched and checked.
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=0)
    pdf.setTitle(_("2ª via da fatura %(number)s") % {"number": invoice.number})
    width, height = A4
    left, y = 20 * mm, height - 25 * mm

    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(left, y, _("2ª via de boleto — fatura %(number)s") % {"number": invoice.number})
    y -= 10 * mm
    pdf.setFont("Helvetica", 10)
    rows = [
        (_("Beneficiário"), f"{services.BENEFICIARY_NAME} — CNPJ {services.BENEFICIARY_CNPJ}"),
        (_("Pagador"), str(invoice.contract.organization)),
        (_("Contrato"), invoice.contract.number),
        (_("Competência"), period_label(invoice)),
        (_("Vencimento original"), formats.date_format(invoice.due_date, "SHORT_DATE_FORMAT")),
        (_("Novo vencimento"), formats.date_format(issue.due_date, "SHORT_DATE_FORMAT")),
        (_("Valor original"), brl(issue.principal)),
        (_("Multa"), brl(issue.fine)),
        (_("Juros"), brl(issue.interest)),
        (_("Total a pagar"), brl(issue.total)),
    ]
    for label, value in rows:
        pdf.setFont("Helvetica", 10)
        pdf.drawString(left, y, label)
        pdf.setFont("Helvetica-Bold" if label == _("Total a pagar") else "Helvetica", 10)
        pdf.drawString(left + 55 * mm, y, value)
        y -= 6 * mm

    y -= 6 * mm
    pdf.setFont("Helvetica", 10)
    pdf.drawString(left, y, _("Linha digitável"))
    y -= 7 * mm
    pdf.setFont("Courier-Bold", 12)
    pdf.drawString(left, y, issue.digitable_line)

    # The barcode: FEBRABAN's narrow bar is at least 0.25 mm; 103 mm wide here, 13 mm high.
    y -= 20 * mm
    narrow = 103 * mm / febraban.itf_width(issue.barcode)
    for x, w in febraban.itf_bars(issue.barcode):
        pdf.rect(left + x * narrow, y, w * narrow, 13 * mm, stroke=0, fill=1)

    y -= 12 * mm
    pdf.setFont("Helvetica", 10)
    pdf.drawString(left, y, _("PIX copia e cola"))
    y -= 6 * mm
    pdf.setFont("Courier", 7)
    payload = issue.pix_payload
    for start in range(0, len(payload), 95):
        pdf.drawString(left, y, payload[start : start + 95])
        y -= 4 * mm
    qr = segno.make(payload, error="m", micro=False)
    size = 45 * mm
    module = size / len(qr.matrix)
    top = y - 4 * mm
    for row_index, row in enumerate(qr.matrix):
        for col_index, dark in enumerate(row):
            if dark:
                pdf.rect(left + col_index * module, top - (row_index + 1) * module, module, module, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def nota_fiscal_download(invoice: Invoice):
    response = FileResponse(
        invoice.nota_fiscal.open("rb"),
        as_attachment=True,
        filename=f"nota-fiscal-{invoice.number}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


#: The Financeiro form's own question about the invoice (tickets.demo), filled in when the form has it.
INVOICE_NUMBER_LABEL = "número da fatura"


def help_request(invoice: Invoice, *, extra_fields=()) -> dict[str, str]:
    """The Financeiro ticket's subject and description, filled in with the invoice, and the form's
    "Número da fatura" question when staff gave it one."""
    answers = {
        field.key: invoice.number for field in extra_fields if field.label.strip().lower() == INVOICE_NUMBER_LABEL
    }
    return answers | {
        "title": _("Fatura %(number)s: preciso de ajuda") % {"number": invoice.number},
        "description": _(
            "Fatura %(number)s do contrato %(contract)s, competência %(period)s, valor %(amount)s, "
            "situação: %(situation)s.\n\nDescreva aqui o que precisa: "
        )
        % {
            "number": invoice.number,
            "contract": invoice.contract.number,
            "period": period_label(invoice),
            "amount": brl(invoice.amount),
            "situation": invoice.situation_label,
        },
    }
