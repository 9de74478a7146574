"""`gridpass.connect()` as a pipeline tool calls it: the real keychain (Python's keyring on the Secret
Service, reading what Gridpass wrote), the built `gridpass` command and the practice site. What the site
was sent is counted from its own request log.
"""
import json
import urllib.request
import uuid

import keyring
import pytest
import shotgun_api3

import gridpass
from gridpass.keychain import session_entry_name
from gridpass.site import site_origin
from gridpass_cli import GridpassHome


@pytest.fixture
def home(monkeypatch):
    running = GridpassHome(monkeypatch)
    yield running
    running.close()


@pytest.fixture
def oxygen(own_site):
    return own_site("oxygen")


def expire_sessions(site, login):
    body = json.dumps({"login": login}).encode()
    urllib.request.urlopen(urllib.request.Request(site.url + "/__practice/sessions/expire", data=body, method="POST")).close()


def kept(site, login):
    _origin, host = site_origin(site.url)
    return keyring.get_password(gridpass.keychain.keychain_service(), session_entry_name(host, login))


def test_after_a_save_connect_reads_the_persons_own_record_with_no_password(home, oxygen):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    # Python's keyring finds the very entry Gridpass wrote through the Secret Service.
    code, document = home.session(oxygen)
    assert code == 0
    assert kept(oxygen, person["login"]) == document["token"]
    oxygen.clear_log()

    sg = gridpass.connect(oxygen.url, login=person["login"])
    record = sg.find_one("HumanUser", [["login", "is", person["login"]]], ["login", "email", "sg_status_list"])
    assert record["login"] == person["login"]
    assert record["email"] == person["email"]
    assert oxygen.password_requests() == []


def test_an_expired_session_is_renewed_once(home, oxygen):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    before = kept(oxygen, person["login"])
    expire_sessions(oxygen, person["login"])
    oxygen.clear_log()

    sg = gridpass.connect(oxygen.url, login=person["login"])
    assert sg.find_one("HumanUser", [["login", "is", person["login"]]], ["login"])["login"] == person["login"]
    assert len(oxygen.password_requests(person["login"])) == 1
    assert kept(oxygen, person["login"]) not in (None, before)

    gridpass.connect(oxygen.url, login=person["login"])
    assert len(oxygen.password_requests(person["login"])) == 1


def test_a_paused_login_raises_the_clear_exception_and_costs_no_password_request(home, oxygen):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    # The person changed the passphrase on the site; the session expired; Gridpass's renewal was refused once.
    _origin, host = site_origin(oxygen.url)
    home.write_entry(session_entry_name(host, person["login"]).replace("session:", "passphrase:", 1), "no-longer-the-passphrase")
    expire_sessions(oxygen, person["login"])
    assert home.session(oxygen)[1]["finding"]["code"] == "GP-AUTH-NO-PAT"
    oxygen.clear_log()

    for _attempt in range(3):  # a tool in a retry loop
        with pytest.raises(gridpass.GridpassError) as raised:
            gridpass.connect(oxygen.url, login=person["login"])
        assert raised.value.code == "GP-SESSION-PAUSED"
        assert "Open Gridpass to fix this login" in str(raised.value)
    assert oxygen.password_requests() == []


def test_a_two_factor_login_works_from_the_code_once_and_then_waits_for_the_person(home, oxygen):
    person = oxygen.account("two-factor")
    home.save_login(oxygen, person, code=person["twoFactorCodes"][3])
    oxygen.clear_log()

    sg = gridpass.connect(oxygen.url, login=person["login"])
    assert sg.find_one("HumanUser", [["login", "is", person["login"]]], ["login"])["login"] == person["login"]
    assert oxygen.password_requests() == []

    # Once the session has expired, only a new code can renew it: that takes the person.
    expire_sessions(oxygen, person["login"])
    with pytest.raises(gridpass.GridpassError) as raised:
        gridpass.connect(oxygen.url, login=person["login"])
    assert raised.value.code == "GP-AUTH-2FA-REQUIRED"
    assert len(oxygen.password_requests(person["login"])) <= 1


def test_end_of_booking_leaves_connect_nothing_to_use(home, oxygen):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    assert home.run("accounts", "forget", "--all", "--yes").returncode == 0
    assert kept(oxygen, person["login"]) is None
    oxygen.clear_log()

    with pytest.raises(gridpass.GridpassError) as raised:
        gridpass.connect(oxygen.url, login=person["login"])
    assert raised.value.code == "GP-SESSION-NO-LOGIN"
    assert oxygen.password_requests() == []


def test_a_stale_session_in_the_keychain_is_replaced_and_never_shown(home, oxygen):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    stale = "planted-stale-session-%s" % uuid.uuid4().hex
    _origin, host = site_origin(oxygen.url)
    home.write_entry(session_entry_name(host, person["login"]), stale)

    sg = gridpass.connect(oxygen.url, login=person["login"])
    assert sg.find_one("HumanUser", [["login", "is", person["login"]]], ["login"])["login"] == person["login"]
    assert kept(oxygen, person["login"]) not in (None, stale)


def test_the_only_login_of_a_site_needs_no_name(home, oxygen):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    sg = gridpass.connect(oxygen.url)
    assert sg.find_one("HumanUser", [["login", "is", person["login"]]], ["login"])["login"] == person["login"]


def test_a_render_node_without_gridpass_gets_the_exception_not_a_prompt(home, oxygen, monkeypatch):
    monkeypatch.setenv("GRIDPASS_CLI", "/nonexistent/gridpass")
    with pytest.raises(gridpass.GridpassError) as raised:
        gridpass.connect(oxygen.url, login=oxygen.account("works")["login"])
    assert raised.value.code == "GP-SESSION-NO-GRIDPASS"
    assert oxygen.password_requests() == []


def test_the_module_never_reads_a_passphrase(home, oxygen, monkeypatch):
    person = oxygen.account("works")
    home.save_login(oxygen, person)
    expire_sessions(oxygen, person["login"])
    asked = []
    real = keyring.get_password
    monkeypatch.setattr(keyring, "get_password", lambda service, name: asked.append(name) or real(service, name))
    gridpass.connect(oxygen.url, login=person["login"])
    assert asked and all(name.startswith("session:") for name in asked)


def test_connect_returns_an_official_client(home, oxygen):
    home.save_login(oxygen, oxygen.account("works"))
    assert isinstance(gridpass.connect(oxygen.url, login=oxygen.account("works")["login"]), shotgun_api3.Shotgun)
