from tickets.models import LookupToken, Ticket
from tickets.selectors import GRANT_LIFETIME


def policies(request):
    """The numbers customers are told (how long a link lasts, how long to reopen), from the code that enforces them."""
    return {
        "ticket_policies": {
            "link_minutes": int(LookupToken.LIFETIME.total_seconds() // 60),
            "access_hours": int(GRANT_LIFETIME.total_seconds() // 3600),
            "reopen_days": Ticket.REOPEN_WINDOW.days,
        }
    }
