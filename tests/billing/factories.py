import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from billing.models import Invoice
from tests.factories import ContractFactory


class InvoiceFactory(DjangoModelFactory):
    """An open invoice of last month, due in the future unless told otherwise."""

    class Meta:
        model = Invoice

    contract = factory.SubFactory(ContractFactory)
    number = factory.Sequence(lambda n: f"FAT-{n:06d}")
    period = datetime.date(2026, 10, 1)
    issue_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=5))
    due_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=10))
    amount = Decimal("1000.00")
    status = Invoice.Status.OPEN
    paid_at = None

    class Params:
        overdue = factory.Trait(
            issue_date=factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=40)),
            due_date=factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10)),
        )
        paid = factory.Trait(
            status=Invoice.Status.PAID,
            paid_at=factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=1)),
        )
        cancelled = factory.Trait(status=Invoice.Status.CANCELLED)
        with_nota_fiscal = factory.Trait(
            nota_fiscal=factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%%EOF\n", name="nf.pdf"))
        )
