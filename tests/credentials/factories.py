import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from credentials.models import AccessToken, ApiCredential
from credentials.services import hash_secret
from tests.factories import ContractFactory

#: The secret every factory key answers to (only its hash is stored).
SECRET = "segredo-de-teste-0123456789"  # noqa: S105 (a test value)


class ApiCredentialFactory(DjangoModelFactory):
    """An active key of an active contract, whose secret is ``SECRET``."""

    class Meta:
        model = ApiCredential

    contract = factory.SubFactory(ContractFactory)
    name = factory.Sequence(lambda n: f"Sistema {n}")
    consumer_key = factory.Sequence(lambda n: f"chave-{n:04d}")
    secret_hash = hash_secret(SECRET)


class AccessTokenFactory(DjangoModelFactory):
    class Meta:
        model = AccessToken

    credential = factory.SubFactory(ApiCredentialFactory)
    token_hash = factory.Sequence(lambda n: hash_secret(f"token-{n}"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(minutes=30))
