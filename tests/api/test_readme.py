"""The README's curl session against the demo, run line by line through the test client.

The shell block of the "API do cliente" section is read from README.md and each command is
interpreted (curl's -u, -d, -X, -H, -F; VAR=$(curl … | python3 -c '…["key"]'); printf > file), so the
README cannot drift from what the API answers.
"""

import base64
import re
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


def session_lines() -> list[str]:
    text = README.read_text()
    section = text.split("## API do cliente", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block[1].splitlines() if line.strip() and not line.startswith("#")]


def run_curl(words: list[str], variables: dict[str, str], files: dict[str, bytes]):
    method, url, headers, form, fields, uploads = None, None, {}, None, {}, {}
    words = iter(words[1:])
    for word in words:
        if word == "-s":
            continue
        if word == "-u":
            headers["Authorization"] = "Basic " + base64.b64encode(next(words).encode()).decode()
        elif word == "-d":
            form = next(words)
        elif word == "-X":
            method = next(words)
        elif word == "-H":
            name, _colon, value = next(words).partition(":")
            headers[name.strip()] = value.strip()
        elif word == "-F":
            name, _eq, value = next(words).partition("=")
            if value.startswith("@"):
                uploads[name] = (value[1:], files[value[1:]])
            else:
                fields[name] = value
        else:
            url = word
    assert url is not None
    assert url.startswith(variables["BASE"])
    path = url.removeprefix(variables["BASE"].removesuffix("/api/v1"))
    client = Client()
    if uploads:
        from django.core.files.uploadedfile import SimpleUploadedFile

        data = {**fields, **{name: SimpleUploadedFile(fname, content) for name, (fname, content) in uploads.items()}}
        return client.post(path, data, headers=headers)
    if form is not None:
        content_type = headers.pop("Content-Type", "application/x-www-form-urlencoded")
        return client.generic(method or "POST", path, form, content_type=content_type, headers=headers)
    return client.generic(method or "GET", path, headers=headers)


def test_the_readme_curl_session_works_against_the_demo():
    call_command("seed_demo", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    variables: dict[str, str] = {}
    files: dict[str, bytes] = {}
    answers = []
    for line in session_lines():
        line = re.sub(r"\$(\w+)", lambda m: variables.get(m[1], m[0]), line)
        if match := re.fullmatch(r"(\w+)=\$\((curl .*) \| python3 -c '.*\[\"(\w+)\"\]\)'\)", line):
            name, command, key = match.groups()
            response = run_curl(shlex.split(command), variables, files)
            assert response.status_code < 300, (line, response.content)
            variables[name] = response.json()[key]
        elif match := re.fullmatch(r"(\w+)=(\S+)", line):
            variables[match[1]] = match[2]
        elif match := re.fullmatch(r"printf '(.*)' > (\S+)", line):
            files[match[2]] = match[1].encode().decode("unicode_escape").encode("latin-1")
        else:
            words = shlex.split(line)
            assert words[0] == "curl", line
            response = run_curl(words, variables, files)
            assert response.status_code < 300, (line, response.content)
            answers.append(response)

    assert variables["TOKEN"]
    assert re.fullmatch(r"\d{4}SS\d{5}", variables["PROTOCOL"])
    forms, detail, reply, tickets, invoices = (answer.json() for answer in answers)
    assert any(form["slug"] == "assunto-area-do-cliente" for form in forms["items"])
    assert detail["title"] == "Acesso de um novo colaborador"
    assert reply["attachments"][0]["name"] == "log.txt"
    assert tickets["items"][0]["protocol"] == variables["PROTOCOL"]
    assert tickets["items"][0]["status"] == "aguardando_atendimento"
    assert invoices["items"], "the demo company has invoices"
