"""Who supervises the staff workspace. The one place that names the supervisor permission."""

#: Granted to the "Supervisor" group (migration 0005); superusers have it too.
SUPERVISOR_PERMISSION = "tickets.work_all_teams"


def is_supervisor(user) -> bool:
    """Active staff who work every team's tickets, reassign them and look after the team's access."""
    return user.is_active and user.is_staff and user.has_perm(SUPERVISOR_PERMISSION)
