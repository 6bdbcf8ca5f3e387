import datetime

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from contracts.models import ContractDocument
from tests.factories import ContractFactory


class ContractDocumentFactory(DjangoModelFactory):
    """A real file in private storage (a tiny PDF) of a contract."""

    class Meta:
        model = ContractDocument

    contract = factory.SubFactory(ContractFactory)
    kind = ContractDocument.Kind.CONTRACT
    title = factory.Sequence(lambda n: f"Contrato assinado {n}")
    date = datetime.date(2026, 1, 10)
    original_name = "contrato-assinado.pdf"
    content_type = "application/pdf"
    size = 15
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%%EOF\n", name="contrato.pdf"))
