"""Searches that find nothing are counted per month, without personal data, for staff to act on."""

import datetime

import pytest
from django.db import transaction

from helpcenter.models import EmptySearch, SynonymGroup
from helpcenter.services import empty_search_record
from tests.factories import ArticleFactory, UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2026, 11, 18)


def test_the_same_empty_search_is_counted_once_per_month():
    empty_search_record("Boleto  Atrasado", today=NOVEMBER)
    empty_search_record("boleto atrasado", today=NOVEMBER)
    empty_search_record("boleto atrasado", today=datetime.date(2026, 12, 1))
    assert list(EmptySearch.objects.order_by("month").values_list("month", "query", "count")) == [
        (datetime.date(2026, 11, 1), "boleto atrasado", 2),
        (datetime.date(2026, 12, 1), "boleto atrasado", 1),
    ]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("meu cpf 529.982.247-25 não entra", "meu cpf não entra"),
        ("cnpj 12.ABC.345/01DE-35", "cnpj"),
        ("maria@exemplo.com.br senha", "senha"),
        ("ligar 61 99999-0000", "ligar"),
        ("ticket 2026SS/00042", "ticket"),
    ],
)
def test_numbers_and_email_addresses_are_never_logged(typed, kept):
    empty_search_record(typed, today=NOVEMBER)
    assert EmptySearch.objects.get().query == kept


def test_a_query_made_only_of_personal_data_is_not_logged():
    assert empty_search_record("529.982.247-25", today=NOVEMBER) is None
    assert not EmptySearch.objects.exists()


def test_the_admin_lists_this_months_misses_most_frequent_first(client):
    today = datetime.date.today().replace(day=1)
    EmptySearch.objects.create(month=today, query="pix parcelado", count=2)
    EmptySearch.objects.create(month=today, query="nota de débito", count=9)
    EmptySearch.objects.create(month=datetime.date(2020, 1, 1), query="antiga", count=50)
    staff = staff_client(UserFactory(is_staff=True, is_superuser=True), client)
    html = staff.get("/admin/helpcenter/emptysearch/").content.decode()
    assert html.index("nota de débito") < html.index("pix parcelado")
    assert "antiga" not in html
    assert "antiga" in staff.get("/admin/helpcenter/emptysearch/?mes=2020-01-01").content.decode()
    assert staff.get("/admin/helpcenter/emptysearch/?mes=lixo").status_code == 200


def test_staff_add_a_synonym_group_in_the_admin(client):
    staff = staff_client(UserFactory(is_staff=True, is_superuser=True), client)
    response = staff.post("/admin/helpcenter/synonymgroup/add/", {"terms": " pix ,  qr code , ", "note": ""})
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="pix, qr code").exists()
    refused = staff.post("/admin/helpcenter/synonymgroup/add/", {"terms": "pix", "note": ""})
    assert refused.status_code == 200
    assert "pelo menos dois termos" in refused.content.decode()


def test_saving_many_answers_in_one_transaction_rebuilds_the_word_list_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for _n in range(5):
            ArticleFactory()
    assert [callback.__name__ for callback in callbacks].count("_refresh_word_list") == 1
