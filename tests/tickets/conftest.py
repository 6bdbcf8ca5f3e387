import pytest

from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    TicketFormFactory,
    TicketTypeFactory,
    UserFactory,
)

ANONYMOUS_IDENTIFICATION = {"cpf": "529.982.247-25", "name": "João Pereira", "cnpj": "12.ABC.345/01DE-35"}
CONTACT = {"email": "joao@empresa.example", "phone": "(61) 99876-5432", "language": "pt-br"}


@pytest.fixture
def ticket_form():
    TicketTypeFactory(name="Incidente")
    return TicketFormFactory(
        product=ProductFactory(name="Datavalid", slug="datavalid"), slug="datavalid", name="Datavalid"
    )


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    return user


def post_step(client, slug, step, data=None, action="next", files=None, follow=False):
    payload = {"step": step, "action": action, **(data or {})}
    if files:
        payload["files"] = files
    return client.post(f"/tickets/novo/{slug}/", payload, follow=follow)


def request_data(**overrides):
    from tickets.models import TicketType

    data = {
        "type": TicketType.objects.get(name_pt_br="Incidente").pk,
        "title": "Erro 500 na consulta",
        "description": "Desde ontem.",
    }
    return {**data, **overrides}


class World:
    """Two companies, a gestor and a membro in the first, a gestor in the second, and their tickets.

    - ``colleague_ticket``: opened by the membro of company A;
    - ``other_company_ticket``: opened by the gestor of company B;
    - ``anonymous_ticket``: opened without an account (CPF ``ANONYMOUS_CPF``, e-mail ``ANONYMOUS_EMAIL``).
    """


ANONYMOUS_CPF = "11144477735"
ANONYMOUS_EMAIL = "visitante@empresa.example"


@pytest.fixture
def world():
    from tests.factories import TicketFactory

    w = World()
    w.company_a = OrganizationFactory(legal_name="Empresa A Ltda.")
    w.company_b = OrganizationFactory(legal_name="Empresa B Ltda.")
    w.gestor_a = UserFactory(name="Gestora A")
    w.membro_a = UserFactory(name="Membro A")
    w.gestor_b = UserFactory(name="Gestor B")
    MembershipFactory(user=w.gestor_a, organization=w.company_a, role="gestor")
    MembershipFactory(user=w.membro_a, organization=w.company_a, role="membro")
    MembershipFactory(user=w.gestor_b, organization=w.company_b, role="gestor")
    w.colleague_ticket = TicketFactory(
        created_by=w.membro_a, requester_cpf=w.membro_a.cpf, cnpj=w.company_a.cnpj, title="Chamado do membro A"
    )
    w.other_company_ticket = TicketFactory(
        created_by=w.gestor_b, requester_cpf=w.gestor_b.cpf, cnpj=w.company_b.cnpj, title="Chamado da empresa B"
    )
    w.anonymous_ticket = TicketFactory(
        requester_cpf=ANONYMOUS_CPF, email=ANONYMOUS_EMAIL, title="Chamado sem conta", language="es"
    )
    return w


def consult(client, **data):
    return client.post("/tickets/consultar/", data)


def ticket_url(ticket, suffix=""):
    return f"/tickets/{ticket.year}SS/{ticket.number:05d}/{suffix}"
