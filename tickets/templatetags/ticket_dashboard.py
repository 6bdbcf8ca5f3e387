from django import template

from tickets import dashboard

register = template.Library()


@register.inclusion_tag("admin/tickets/dashboard.html", takes_context=True)
def ticket_dashboard(context):
    user = context["request"].user
    if not user.has_perm("tickets.view_ticket"):
        return {"show": False}
    return {"show": True, **dashboard.summary(user)}
