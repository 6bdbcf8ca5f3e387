from decimal import Decimal

from billing import pix

# The Banco Central's published example of a static BR Code (Manual de Padrões para Iniciação do PIX).
BCB_EXAMPLE = (
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
    "5913Fulano de Tal6008BRASILIA62070503***63041D3D"
)


def test_the_banco_central_example_payload_is_rebuilt_with_its_crc():
    built = pix.payload(key="123e4567-e12b-12d1-a456-426655440000", name="Fulano de Tal", city="BRASILIA")
    assert built == BCB_EXAMPLE
    assert pix.is_valid(BCB_EXAMPLE)


def test_crc16_ccitt_false_check_value():
    assert pix.crc16_ccitt(b"123456789") == 0x29B1


def test_payload_with_amount_txid_and_long_names_stays_valid():
    code = pix.payload(
        key="financeiro@serpro.example",
        name="Serviço Federal de Processamento de Dados",
        city="Brasília do Planalto",
        amount=Decimal("1234.5"),
        txid="CT-2026-00001-202611/07",
    )
    assert pix.is_valid(code)
    assert "54071234.50" in code
    assert "5925Servico Federal de Proces" in code
    assert "6015Brasilia do Pla" in code
    assert "62230519CT20260000120261107" in code


def test_a_changed_character_fails_the_crc():
    assert not pix.is_valid(BCB_EXAMPLE.replace("Fulano", "Fulana"))
