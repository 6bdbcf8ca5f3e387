import pytest
from django.test import Client

from credentials.services import credential_create, token_issue
from tests.factories import (
    ContractFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    TicketFormFactory,
    TicketTypeFactory,
    UserFactory,
)


class ApiClient:
    """The test client with a bearer token, as a company's system calls the API."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.token = token

    def _headers(self, headers):
        merged = dict(headers or {})
        if self.token is not None:
            merged.setdefault("Authorization", f"Bearer {self.token}")
        return merged

    def get(self, path, data=None, headers=None):
        return self.client.get(path, data, headers=self._headers(headers))

    def post_json(self, path, payload, headers=None):
        return self.client.post(path, payload, content_type="application/json", headers=self._headers(headers))

    def post(self, path, data=None, headers=None, **kwargs):
        return self.client.post(path, data or {}, headers=self._headers(headers), **kwargs)

    def generic(self, method, path, body="", content_type="application/json", headers=None):
        return self.client.generic(method, path, body, content_type=content_type, headers=self._headers(headers))


class Company:
    def __init__(self, *, cnpj=None, legal_name="Banco Horizonte S.A."):
        kwargs = {"cnpj": cnpj} if cnpj else {}
        self.organization = OrganizationFactory(legal_name=legal_name, **kwargs)
        self.gestor = UserFactory(name="Gestora da Empresa")
        MembershipFactory(user=self.gestor, organization=self.organization, role="gestor")
        self.contract = ContractFactory(organization=self.organization)
        self.credential, self.secret = credential_create(user=self.gestor, contract=self.contract, name="ERP")

    def token(self) -> str:
        issued = token_issue(consumer_key=self.credential.consumer_key, consumer_secret=self.secret)
        assert issued is not None
        return issued.access_token

    def api(self) -> ApiClient:
        return ApiClient(self.token())


@pytest.fixture
def company():
    return Company()


@pytest.fixture
def other_company():
    return Company(legal_name="Cooperativa Vizinha Ltda.")


@pytest.fixture
def api(company):
    return company.api()


@pytest.fixture
def ticket_form():
    TicketTypeFactory(name="Incidente")
    return TicketFormFactory(
        product=ProductFactory(name="Datavalid", slug="datavalid"), slug="datavalid", name="Datavalid"
    )


def ticket_payload(**overrides):
    from tickets.models import TicketType

    data = {
        "form": "datavalid",
        "type": TicketType.objects.get(name_pt_br="Incidente").pk,
        "title": "Erro 500 na consulta",
        "description": "Desde ontem, a consulta responde erro 500.",
        "requester_name": "João Pereira",
        "requester_cpf": "529.982.247-25",
        "email": "joao@empresa.example",
    }
    return {**data, **overrides}
