"""The numbers a team lead looks at first, for the admin home. Three queries, whatever the volume."""

import datetime
from urllib.parse import urlencode

from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone

from tickets.models import Ticket

OPEN = ~Q(status__in=Ticket.FINISHED)


def _link(**params) -> str:
    return reverse("admin:tickets_ticket_changelist") + "?" + urlencode(params)


def _about(row) -> dict:
    if row["product_id"]:
        return {"product__id__exact": row["product_id"]}
    return {"subject__id__exact": row["subject_id"]}


def summary(user, now=None) -> dict:
    now = now or timezone.now()
    tickets = Ticket.objects.worked_by(user)
    overdue = Ticket.overdue_q(now)
    recent = Q(rated_at__gte=now - datetime.timedelta(days=30))
    totals = tickets.aggregate(
        open=Count("pk", filter=OPEN),
        unassigned=Count("pk", filter=OPEN & Q(assignee__isnull=True)),
        overdue=Count("pk", filter=overdue),
        waiting=Count("pk", filter=Q(status=Ticket.Status.WAITING_CUSTOMER)),
        csat=Avg("rating", filter=recent),
        rated=Count("pk", filter=recent & Q(rating__isnull=False)),
    )
    by_team = (
        tickets.filter(OPEN)
        .values("team_id", "team__name")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=overdue),
            unassigned=Count("pk", filter=Q(assignee=None)),
        )
        .order_by("team__name")
    )
    by_product = (
        tickets.filter(OPEN)
        .values("product_id", "product__name", "subject_id", "subject__name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=overdue))
        .order_by("-open", "product__name", "subject__name")[:15]
    )
    return {
        "cards": [
            ("open", totals["open"], _link(em_aberto="sim")),
            ("unassigned", totals["unassigned"], _link(em_aberto="sim", responsavel="ninguem")),
            ("overdue", totals["overdue"], _link(prazo="atrasados")),
            ("waiting", totals["waiting"], _link(status__exact=Ticket.Status.WAITING_CUSTOMER)),
        ],
        "csat": totals["csat"],
        "rated": totals["rated"],
        "csat_link": _link(avaliados="30d"),
        "teams": [
            {
                **row,
                "link": _link(em_aberto="sim", team__id__exact=row["team_id"]),
                "overdue_link": _link(prazo="atrasados", team__id__exact=row["team_id"]),
            }
            for row in by_team
        ],
        "products": [
            {
                "name": row["product__name"] or row["subject__name"],
                "open": row["open"],
                "overdue": row["overdue"],
                "link": _link(em_aberto="sim", **_about(row)),
                "overdue_link": _link(prazo="atrasados", **_about(row)),
            }
            for row in by_product
        ],
    }
