"""A team server that stops answering (issue 13): every save fails within seconds as a
connection error (so the GUI keeps the edit pending), never hangs.

The case reaches a real PostgreSQL server through a TCP proxy that the test cuts."""

from __future__ import annotations

import time

import pytest
from sqlalchemy.engine import make_url

from annotator.core import boxes
from annotator.core.case import is_connection_error
from annotator.core.case.folder import CONNECT_TIMEOUT_S, Case
from tests.fixtures.tcp_proxy import BLACKHOLE, REFUSE, TcpProxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def proxied_case(pg_url: str, tmp_path):
    proxy = TcpProxy()
    url = make_url(pg_url)
    proxy.target = (url.host or "127.0.0.1", url.port or 5432)
    through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    case = Case.create(tmp_path / "case", db_url=through, examiner="test-examiner")
    yield case, proxy
    case.close()
    proxy.close()


@pytest.mark.parametrize("cut", [REFUSE, BLACKHOLE])
def test_a_save_to_a_server_cut_off_fails_within_seconds_as_a_connection_error(
        proxied_case, cut):
    case, proxy = proxied_case
    boxes.add_label(case, "helicopter")  # a pooled connection, then cut under it
    proxy.cut(cut)
    started = time.monotonic()
    with pytest.raises(Exception) as failure:  # noqa: PT011 - the kind is checked below
        boxes.add_label(case, "glider")
    assert is_connection_error(failure.value)
    assert time.monotonic() - started < CONNECT_TIMEOUT_S + 3
    proxy.restore()
    boxes.add_label(case, "glider")  # the same case saves again once the way is open
    with case.reading() as s:
        assert {"helicopter", "glider"} <= set(boxes.list_labels(s))


def test_team_connections_probe_a_silent_link(proxied_case):
    case, _proxy = proxied_case
    with case.engine.connect() as conn:
        dsn = conn.connection.driver_connection.info.dsn  # type: ignore[union-attr]
    for setting in ("keepalives=1", "keepalives_idle=10", "tcp_user_timeout=10000",
                    f"connect_timeout={CONNECT_TIMEOUT_S}"):
        assert setting in dsn
