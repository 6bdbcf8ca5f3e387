"""Demo companies, people and contracts. Passwords are published in the README: demo sites only."""

import datetime
from decimal import Decimal

from helpcenter.models import Product
from portal.models import Contract, Membership, Organization, User

CUSTOMER_PASSWORD = "cliente-demo-2026"  # noqa: S105 (published demo password)
ADMIN_PASSWORD = "admin-demo-2026"  # noqa: S105 (published demo password)

ORGANIZATIONS = [
    # CNPJ, legal name, trade name
    ("33451729000133", "Banco Horizonte S.A.", "Banco Horizonte"),
    ("07864215000108", "Cooperativa de Crédito Vale Verde", "Sicoob Vale Verde"),
    ("12ABC345000188", "Nova Rota Tecnologia Ltda.", "Nova Rota"),  # alphanumeric CNPJ (2026)
]

PEOPLE = [
    # e-mail, CPF, name, company CNPJ, role
    ("ana.souza@bancohorizonte.example", "38512047607", "Ana Paula Souza", "33451729000133", "gestor"),
    ("bruno.lima@bancohorizonte.example", "27456109370", "Bruno Lima", "33451729000133", "membro"),
    ("carla.mendes@valeverde.example", "61304728544", "Carla Mendes", "07864215000108", "gestor"),
    ("diego.alves@valeverde.example", "85027361408", "Diego Alves", "07864215000108", "membro"),
    ("elisa.rocha@novarota.example", "14725803626", "Elisa Rocha", "12ABC345000188", "gestor"),
    ("fabio.nunes@novarota.example", "96203154725", "Fábio Nunes", "12ABC345000188", "membro"),
]


def _renewal_due() -> datetime.date:
    """An end date 60 days from the day the demo is loaded, so that one contract always shows "Vence em"."""
    return datetime.date.today() + datetime.timedelta(days=60)


CONTRACTS = [
    # number, company CNPJ, product slug, status, start, end, monthly value (R$), estimate?, gestor, fiscal
    (
        "CT-2024/00112",
        "33451729000133",
        "consulta-cpf",
        "ativo",
        datetime.date(2024, 3, 1),
        None,
        "18450.00",
        True,
        "Ana Paula Souza",
        "Marcos Vinícius Teixeira",
    ),
    (
        "CT-2024/00113",
        "33451729000133",
        "datavalid",
        "ativo",
        datetime.date(2024, 3, 1),
        datetime.date(2027, 2, 28),
        "42300.00",
        False,
        "Ana Paula Souza",
        "Marcos Vinícius Teixeira",
    ),
    (
        "CT-2025/00431",
        "33451729000133",
        "consulta-divida-ativa",
        "ativo",
        datetime.date(2025, 6, 1),
        None,
        "3275.50",
        True,
        "Bruno Lima",
        "Juliana Ramos",
    ),
    (
        "CT-2022/00987",
        "33451729000133",
        "biovalid",
        "encerrado",
        datetime.date(2022, 1, 1),
        datetime.date(2024, 12, 31),
        "9800.00",
        False,
        "Ana Paula Souza",
        "Juliana Ramos",
    ),
    (
        "CT-2023/00250",
        "07864215000108",
        "consulta-cnpj",
        "ativo",
        datetime.date(2023, 8, 15),
        None,
        "2140.00",
        True,
        "Carla Mendes",
        "Paulo Henrique Dias",
    ),
    (
        "CT-2023/00251",
        "07864215000108",
        "consulta-cpf",
        "ativo",
        datetime.date(2023, 8, 15),
        None,
        "5630.00",
        True,
        "Carla Mendes",
        "Paulo Henrique Dias",
    ),
    (
        "CT-2025/00602",
        "07864215000108",
        "escola-serpro-educa",
        "suspenso",
        datetime.date(2025, 2, 1),
        None,
        "1200.00",
        False,
        "Diego Alves",
        "Paulo Henrique Dias",
    ),
    (
        "CT-2024/00377",
        "07864215000108",
        "datavalid",
        "ativo",
        datetime.date(2024, 11, 1),
        _renewal_due(),
        "15780.00",
        False,
        "Carla Mendes",
        "Renata Oliveira",
    ),
    (
        "CT-2026/00018",
        "12ABC345000188",
        "consulta-nfe",
        "ativo",
        datetime.date(2026, 1, 10),
        None,
        "7420.90",
        True,
        "Elisa Rocha",
        "Sérgio Andrade",
    ),
    (
        "CT-2026/00019",
        "12ABC345000188",
        "serpro-id",
        "ativo",
        datetime.date(2026, 1, 10),
        datetime.date(2028, 1, 9),
        "3990.00",
        False,
        "Elisa Rocha",
        "Sérgio Andrade",
    ),
    (
        "CT-2026/00020",
        "12ABC345000188",
        "datavalid",
        "ativo",
        datetime.date(2026, 4, 1),
        None,
        "11250.00",
        True,
        "Fábio Nunes",
        "Sérgio Andrade",
    ),
    (
        "CT-2024/00505",
        "12ABC345000188",
        "consulta-cpf",
        "encerrado",
        datetime.date(2024, 12, 1),
        datetime.date(2025, 11, 30),
        "2600.00",
        False,
        "Elisa Rocha",
        "Sérgio Andrade",
    ),
]


def seed(stdout) -> None:
    organizations = {}
    for cnpj, legal_name, trade_name in ORGANIZATIONS:
        organizations[cnpj], _ = Organization.objects.update_or_create(
            cnpj=cnpj, defaults={"legal_name": legal_name, "trade_name": trade_name}
        )

    for email, cpf, name, cnpj, role in PEOPLE:
        user, _ = User.objects.update_or_create(email=email, defaults={"cpf": cpf, "name": name, "is_active": True})
        user.set_password(CUSTOMER_PASSWORD)
        user.save(update_fields=["password"])
        Membership.objects.update_or_create(user=user, organization=organizations[cnpj], defaults={"role": role})

    admin, _ = User.objects.update_or_create(
        email="admin@areadocliente.example",
        defaults={"name": "Administração do Portal", "is_staff": True, "is_superuser": True, "is_active": True},
    )
    admin.set_password(ADMIN_PASSWORD)
    admin.save(update_fields=["password"])

    products = Product.objects.in_bulk(field_name="slug")
    for number, cnpj, slug, status, start, end, value, estimate, manager, fiscal in CONTRACTS:
        Contract.objects.update_or_create(
            number=number,
            defaults={
                "organization": organizations[cnpj],
                "product": products[slug],
                "status": status,
                "start_date": start,
                "end_date": end,
                "monthly_value": Decimal(value),
                "value_is_estimate": estimate,
                "manager_name": manager,
                "fiscal_name": fiscal,
            },
        )
    stdout.write(f"  portal: {len(ORGANIZATIONS)} companies, {len(PEOPLE) + 1} users, {len(CONTRACTS)} contracts")
