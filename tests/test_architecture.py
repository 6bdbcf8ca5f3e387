"""Our apps import in one direction only: helpcenter <- portal <- tickets <- staff <- support."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [
    "helpcenter",
    "portal",
    "tickets",
    "staff",
    "consent",
    "contracts",
    "billing",
    "usage",
    "attestation",
    "contacts",
    "certificates",
    "credentials",
    "api",
    "support",
]


def _imported_top_level_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module.split(".")[0])
    return modules


@pytest.mark.parametrize("app", LAYERS)
def test_app_imports_only_from_the_apps_below_it(app):
    forbidden = set(LAYERS[LAYERS.index(app) + 1 :])
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_top_level_modules(path) & forbidden)
        for path in (ROOT / app).rglob("*.py")
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}
