"""PIX "copia e cola": the Banco Central's BR Code, an EMV merchant-presented QR payload.

Each field is ID (2 digits) + length (2 digits) + value. The fields used here, in order:
00 payload format (01), 26 merchant account (00 GUI "br.gov.bcb.pix", 01 the PIX key),
52 merchant category (0000), 53 currency (986, real), 54 amount, 58 country (BR),
59 merchant name (≤ 25), 60 city (≤ 15), 62 additional data (05 txid), and 63 the CRC16-CCITT
(polynomial 0x1021, initial 0xFFFF) of everything before it, "6304" included, in 4 hex digits.
"""

import unicodedata
from decimal import Decimal

GUI = "br.gov.bcb.pix"


def crc16_ccitt(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def _field(field_id: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"field {field_id} is too long.")
    return f"{field_id}{len(value):02d}{value}"


def _plain(text: str, limit: int) -> str:
    """ASCII without accents, cut to the field's limit (what BR Code readers expect)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text[:limit].strip()


def payload(*, key: str, name: str, city: str, amount: Decimal | None = None, txid: str = "***") -> str:
    """The BR Code of a static PIX charge."""
    txid = "".join(char for char in txid if char.isalnum())[:25] or "***"
    parts = [
        _field("00", "01"),
        _field("26", _field("00", GUI) + _field("01", key)),
        _field("52", "0000"),
        _field("53", "986"),
    ]
    if amount is not None:
        parts.append(_field("54", f"{amount:.2f}"))
    parts += [
        _field("58", "BR"),
        _field("59", _plain(name, 25)),
        _field("60", _plain(city, 15)),
        _field("62", _field("05", txid)),
        "6304",
    ]
    body = "".join(parts)
    return body + f"{crc16_ccitt(body.encode()):04X}"


def is_valid(code: str) -> bool:
    return len(code) > 8 and code[-8:-4] == "6304" and f"{crc16_ccitt(code[:-4].encode()):04X}" == code[-4:]
