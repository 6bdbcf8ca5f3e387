import importlib

import pytest
from django.contrib.auth.models import Group, Permission

from certificates.models import TEAM_NAME
from tests.factories import TeamFactory


@pytest.fixture(autouse=True)
def staff_groups_and_team(db):
    """The groups and the team of the data migrations, again: a transactional test's flush empties them.

    Permissions come back after a flush (post_migrate); groups and teams do not. So whichever test
    runs first, "Atendente" and "Supervisor" have the permissions the migrations grant.
    """
    tickets = importlib.import_module("tickets.migrations.0005_staff_groups")
    ours = importlib.import_module("certificates.migrations.0002_certification_team")
    for name, grants in tickets.GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, model, actions in grants:
            codenames = [tickets._codename(action, model) for action in actions]
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
        for model, actions in ours.GRANTS[name].items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="certificates", codename__in=codenames)
            )
    TeamFactory(name=TEAM_NAME)
