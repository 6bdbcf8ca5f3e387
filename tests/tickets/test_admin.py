import pytest

from tests.factories import FormFieldFactory, TicketFactory, TicketFormFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/tickets/ticket/",
        "/admin/tickets/ticketform/",
        "/admin/tickets/ticketform/add/",
        "/admin/tickets/subject/",
        "/admin/tickets/team/",
        "/admin/tickets/tickettype/",
    ],
)
def test_staff_pages_render(staff, path):
    TicketFactory()
    assert staff.get(path).status_code == 200


def test_form_fields_are_edited_inline(staff):
    form = TicketFormFactory()
    FormFieldFactory(form=form, label="Ambiente de produção?")
    assert "Ambiente de produção?" in staff.get(f"/admin/tickets/ticketform/{form.pk}/change/").content.decode()


def test_tickets_are_read_only_and_show_the_protocol_and_masked_cnpj(staff):
    ticket = TicketFactory(number=42, cnpj="12ABC34501DE35")
    changelist = staff.get("/admin/tickets/ticket/").content.decode()
    assert "2026SS/00042" in changelist
    assert "12.ABC.345/01DE-35" in changelist
    assert staff.get("/admin/tickets/ticket/add/").status_code == 403
    change = staff.get(f"/admin/tickets/ticket/{ticket.pk}/change/").content.decode()
    assert 'name="status"' not in change
    assert ticket.submission_key not in change


def test_ticket_search_by_protocol_number_and_cpf(staff):
    TicketFactory(number=42, requester_cpf="52998224725", title="Achado")
    TicketFactory(number=43, title="Outro")
    assert "Achado" in staff.get("/admin/tickets/ticket/", {"q": "52998224725"}).content.decode()
    html = staff.get("/admin/tickets/ticket/", {"q": "42"}).content.decode()
    assert "Achado" in html
    assert "Outro" not in html
