from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from portal import ratelimit

LIMIT = ratelimit.Limit("teste", 3, 60)


def test_hits_within_the_limit_pass_and_the_next_one_is_refused():
    assert [ratelimit.hit(LIMIT, "10.0.0.1") for _ in range(4)] == [True, True, True, False]


def test_each_identifier_has_its_own_count():
    for _ in range(3):
        ratelimit.hit(LIMIT, "10.0.0.1")
    assert ratelimit.hit(LIMIT, "10.0.0.2")


def test_a_new_window_starts_a_new_count():
    with mock.patch("portal.ratelimit.time.time", return_value=1_000_000.0):
        for _ in range(4):
            ratelimit.hit(LIMIT, "10.0.0.1")
        assert not ratelimit.hit(LIMIT, "10.0.0.1")
    with mock.patch("portal.ratelimit.time.time", return_value=1_000_060.0):
        assert ratelimit.hit(LIMIT, "10.0.0.1")


def test_identifiers_are_not_stored_in_clear_in_the_cache():
    ratelimit.hit(LIMIT, "52998224725")
    assert not any("52998224725" in key for key in cache._cache)  # locmem's store


@pytest.mark.parametrize(
    ("header", "meta", "expected"),
    [
        ("", {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6"}, "10.0.0.1"),
        ("HTTP_X_REAL_IP", {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_REAL_IP": "200.1.2.3"}, "200.1.2.3"),
        (
            "HTTP_X_FORWARDED_FOR",
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 200.1.2.3"},
            "200.1.2.3",
        ),  # noqa: E501
        ("HTTP_X_REAL_IP", {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxy_header(settings, header, meta, expected):
    settings.PORTAL_CLIENT_IP_HEADER = header
    request = RequestFactory().get("/", **meta)
    assert ratelimit.client_ip(request) == expected
