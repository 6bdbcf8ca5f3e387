import datetime

import factory
from factory.django import DjangoModelFactory

from tests.factories import ContractFactory
from usage.models import UsageAllowance, UsageRecord


class UsageAllowanceFactory(DjangoModelFactory):
    class Meta:
        model = UsageAllowance

    contract = factory.SubFactory(ContractFactory)
    unit = "chamadas de API"
    monthly_quantity = 1000


class UsageRecordFactory(DjangoModelFactory):
    class Meta:
        model = UsageRecord

    contract = factory.SubFactory(ContractFactory)
    day = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    quantity = 100
