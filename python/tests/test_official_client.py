"""The official Python client, shotgun_api3, against the practice site, for every login method.

If python-api and the practice site disagree, the practice site is wrong: it exists to behave like a
live site to the clients studios run.
"""
import json
import urllib.request

import pytest
import shotgun_api3
from shotgun_api3 import (
    AuthenticationFault,
    Fault,
    MissingTwoFactorAuthenticationFault,
    UserCredentialsNotAllowedForSSOAuthenticationFault,
)

from conftest import PASSWORD_METHODS, on_sites

PERSON_FIELDS = ["login", "name", "email", "sg_status_list"]


def person_client(site, account, password=None, **extra):
    return shotgun_api3.Shotgun(site.url, login=account["login"], password=password or account["passphrase"], **extra)


def script_client(site, script, **extra):
    return shotgun_api3.Shotgun(site.url, script_name=script["name"], api_key=script["key"], **extra)


def own_record(sg, login):
    return sg.find_one("HumanUser", [["login", "is", login]], PERSON_FIELDS)


@pytest.fixture(autouse=True)
def empty_log(site):
    site.clear_log()


@on_sites()
def test_info_names_the_login_method_and_a_version(site):
    info = shotgun_api3.Shotgun(site.url, connect=False, script_name="x", api_key="y").info()
    assert info["user_authentication_method"] == site.method
    assert len(info["version"]) == 3
    assert site.password_requests() == []


@on_sites(*PASSWORD_METHODS)
@pytest.mark.parametrize("scenario", ["works", "admin"])
def test_a_working_login_reads_the_persons_own_record(site, scenario):
    account = site.account(scenario)
    record = own_record(person_client(site, account), account["login"])
    assert record["login"] == account["login"]
    assert record["email"] == account["email"]
    assert record["sg_status_list"] == "act"


@on_sites(*PASSWORD_METHODS)
def test_a_wrong_passphrase_is_an_authentication_fault_sent_once(site):
    account = site.account("works")
    with pytest.raises(AuthenticationFault):
        own_record(person_client(site, account, password="wrong-passphrase"), account["login"])
    # The official client never retries a refused login: one request, one step towards the lockout.
    assert len(site.password_requests(account["login"])) == 1


@on_sites("saml2")
@pytest.mark.parametrize("scenario", ["works", "admin", "inactive"])
def test_an_sso_site_refuses_passwords_with_the_sso_fault(site, scenario):
    account = site.account(scenario)
    with pytest.raises(UserCredentialsNotAllowedForSSOAuthenticationFault):
        own_record(person_client(site, account, password="any-passphrase"), account["login"])


@pytest.mark.parametrize(
    "site, scenario",
    [("oxygen", "no-pat"), ("oxygen", "no-passphrase")]
    + [(method, scenario) for method in PASSWORD_METHODS for scenario in ("locked", "inactive")],
    indirect=["site"],
)
def test_logins_that_cannot_work_are_authentication_faults(site, scenario):
    account = site.account(scenario)
    with pytest.raises(AuthenticationFault):
        own_record(person_client(site, account, password=account["passphrase"] or "no-passphrase-set"), account["login"])


@on_sites(*PASSWORD_METHODS)
def test_two_factor_codes_work_once_and_backup_codes_too(site):
    account = site.account("two-factor")
    with pytest.raises(MissingTwoFactorAuthenticationFault):
        own_record(person_client(site, account), account["login"])
    code = account["twoFactorCodes"][0]
    # Given a code, python-api swaps it for a session at once and forgets login, password and code.
    sg = person_client(site, account, auth_token=code)
    assert own_record(sg, account["login"])["login"] == account["login"]
    with pytest.raises(MissingTwoFactorAuthenticationFault):
        person_client(site, account, auth_token=code)
    backup = person_client(site, account, auth_token=account["backupCodes"][0])
    assert own_record(backup, account["login"])["login"] == account["login"]


@on_sites()
def test_script_keys_work_and_a_wrong_key_is_refused(site):
    reader = site.script(False)
    people = script_client(site, reader).find("HumanUser", [], ["login"])
    assert {person["login"] for person in people} >= {site.account("works")["login"]}
    with pytest.raises(AuthenticationFault):
        script_client(site, {"name": reader["name"], "key": "wrong-key"}).find("HumanUser", [], ["login"])


@on_sites()
def test_a_script_that_may_sudo_acts_as_the_person(site):
    target = site.account("sudo-target")
    sg = script_client(site, site.script(True), sudo_as_login=target["login"])
    assert own_record(sg, target["login"])["login"] == target["login"]
    assert site.log()[-1]["sudoAs"] == target["login"]


@on_sites()
def test_scripts_sudo_refusals(site):
    target = site.account("sudo-target")
    with pytest.raises(Fault, match=r"^Cannot 'sudo'"):
        script_client(site, site.script(False), sudo_as_login=target["login"]).find_one("HumanUser", [])
    not_impersonable = site.account("sudo-not-allowed")
    with pytest.raises(Fault, match=r"can_impersonate_this_user"):
        script_client(site, site.script(True), sudo_as_login=not_impersonable["login"]).find_one("HumanUser", [])


@on_sites(*PASSWORD_METHODS)
def test_a_person_who_may_not_sudo_is_refused_in_python_apis_words(site):
    # python-api's own test_human_user_sudo_auth_fails expects this opening for a person who may not sudo.
    with pytest.raises(Fault) as refused:
        person_client(site, site.account("works"), sudo_as_login="blah").find_one("HumanUser", [])
    assert str(refused.value).startswith("The user does not have permission to 'sudo':")


@on_sites(*PASSWORD_METHODS)
@pytest.mark.parametrize("scenario", ["works", "admin"])
def test_session_tokens_stand_in_for_the_password(site, scenario):
    account = site.account(scenario)
    token = person_client(site, account).get_session_token()
    sg = shotgun_api3.Shotgun(site.url, session_token=token)
    assert own_record(sg, account["login"])["login"] == account["login"]
    with pytest.raises(AuthenticationFault):
        shotgun_api3.Shotgun(site.url, session_token="0" * 32).find_one("HumanUser", [])


@on_sites()
def test_a_browser_session_works_on_every_kind_of_site(site):
    person = site.account("works")
    request = urllib.request.Request(site.url + "/__practice/sessions", data=json.dumps({"login": person["login"]}).encode(), method="POST")
    with urllib.request.urlopen(request) as reply:
        token = json.load(reply)["session_token"]
    assert own_record(shotgun_api3.Shotgun(site.url, session_token=token), person["login"])["login"] == person["login"]


@on_sites()
def test_find_with_filters_sorts_and_paging(site):
    sg = script_client(site, site.script(False))
    live = sorted((a for a in site.summary["accounts"] if not a["retired"]), key=lambda a: a["id"])
    ids = [a["id"] for a in live]

    everyone = sg.find("HumanUser", [], ["login"])
    assert [person["id"] for person in everyone] == ids

    descending = sg.find("HumanUser", [], ["login"], order=[{"field_name": "login", "direction": "desc"}])
    assert [p["login"] for p in descending] == sorted((a["login"] for a in live), key=str.lower, reverse=True)

    between = sg.find("HumanUser", [["id", "between", [ids[1], ids[3]]]], ["id"])
    assert [p["id"] for p in between] == ids[1:4]

    two = [["login", "is", live[0]["login"]], ["login", "is", live[2]["login"]]]
    either = sg.find("HumanUser", two, ["login"], filter_operator="any")
    assert [p["login"] for p in either] == [live[0]["login"], live[2]["login"]]
    nested = sg.find("HumanUser", [["id", "greater_than", 0], {"filter_operator": "any", "filters": two}], ["login"])
    assert [p["login"] for p in nested] == [live[0]["login"], live[2]["login"]]

    active = sg.find("HumanUser", [["sg_status_list", "is", "act"], ["login", "in", [a["login"] for a in live]]], ["login"])
    assert [p["login"] for p in active] == [a["login"] for a in live if a["status"] == "act"]

    second_page = sg.find("HumanUser", [], ["id"], order=[{"field_name": "id", "direction": "desc"}], limit=3, page=2)
    assert [p["id"] for p in second_page] == list(reversed(ids))[3:6]

    retired = sg.find("HumanUser", [], ["login"], retired_only=True)
    assert [p["login"] for p in retired] == [a["login"] for a in site.summary["accounts"] if a["retired"]]


def expected_password_outcome(site, account):
    """What a live site does with this seeded account's own passphrase, from the seed's facts alone."""
    if site.method == "saml2":
        return UserCredentialsNotAllowedForSSOAuthenticationFault
    if account["passphrase"] is None or account["retired"] or account["status"] != "act" or account["lockedUntil"]:
        return AuthenticationFault
    if site.method == "oxygen" and not account["patBound"]:
        return AuthenticationFault
    if account["twoFactorCodes"]:
        return MissingTwoFactorAuthenticationFault
    return None


@on_sites()
def test_every_seeded_account_logs_in_or_fails_as_a_live_site_would(site):
    for account in site.summary["accounts"]:
        expected = expected_password_outcome(site, account)
        client = person_client(site, account, password=account["passphrase"] or "no-passphrase-set")
        if expected is None:
            assert own_record(client, account["login"])["login"] == account["login"], account["scenario"]
        else:
            with pytest.raises(expected):
                own_record(client, account["login"])
    # One request per account, never a retry.
    assert len(site.password_requests()) == len(site.summary["accounts"])


@pytest.mark.parametrize("site", ["oxygen"], indirect=True)
@pytest.mark.parametrize("scenario", ["works-legacy-login", "legacy-login-differs"])
def test_the_email_is_not_the_login_where_the_legacy_login_differs(site, scenario):
    account = site.account(scenario)
    assert account["login"] != account["email"]
    with pytest.raises(AuthenticationFault):
        own_record(person_client(site, {"login": account["email"], "passphrase": account["passphrase"]}), account["email"])
    assert own_record(person_client(site, account), account["login"])["email"] == account["email"]


@on_sites(*PASSWORD_METHODS)
def test_a_wrong_or_reused_two_factor_code_is_refused_and_backup_codes_work_once(own_site, site):
    fresh = own_site(site.method)
    account = fresh.account("two-factor")
    with pytest.raises(MissingTwoFactorAuthenticationFault):
        person_client(fresh, account, auth_token="000000")
    backup = account["backupCodes"][1]
    assert own_record(person_client(fresh, account, auth_token=backup), account["login"])["login"] == account["login"]
    with pytest.raises(MissingTwoFactorAuthenticationFault):
        person_client(fresh, account, auth_token=backup)
    # A code is no use without the right passphrase either.
    with pytest.raises(AuthenticationFault):
        person_client(fresh, account, password="wrong-passphrase", auth_token=account["twoFactorCodes"][4])


@on_sites(*PASSWORD_METHODS)
def test_an_admin_may_sudo_as_a_person(site):
    target = site.account("sudo-target")
    sg = person_client(site, site.account("admin"), sudo_as_login=target["login"])
    assert own_record(sg, target["login"])["login"] == target["login"]
    assert site.log()[-1]["sudoAs"] == target["login"]


@on_sites()
@pytest.mark.parametrize("scenario", ["inactive", "retired"])
def test_sudo_to_an_inactive_or_unknown_person_is_refused(site, scenario):
    target = site.account(scenario)
    with pytest.raises(Fault, match=r"^Cannot 'sudo'"):
        script_client(site, site.script(True), sudo_as_login=target["login"]).find_one("HumanUser", [])


@on_sites()
def test_every_script_gets_a_session_token_that_works(site):
    for script in site.summary["scripts"]:
        token = script_client(site, script).get_session_token()
        assert shotgun_api3.Shotgun(site.url, session_token=token).find("HumanUser", [], ["login"])


@on_sites(*PASSWORD_METHODS)
def test_an_expired_session_is_refused_not_renewed(site):
    account = site.account("works")
    token = person_client(site, account).get_session_token()
    body = json.dumps({"login": account["login"]}).encode()
    urllib.request.urlopen(urllib.request.Request(site.url + "/__practice/sessions/expire", data=body, method="POST")).close()
    # python-api sends reject_if_expired with a session token, so the site refuses instead of reviving it.
    with pytest.raises(AuthenticationFault):
        shotgun_api3.Shotgun(site.url, session_token=token).find_one("HumanUser", [["login", "is", account["login"]]])


@on_sites()
def test_find_with_text_relations(site):
    sg = script_client(site, site.script(False))
    live = [a for a in site.summary["accounts"] if not a["retired"]]
    domain = "@" + live[0]["email"].split("@")[1]
    by_email = sg.find("HumanUser", [["email", "ends_with", domain]], ["email"])
    assert sorted(p["email"] for p in by_email) == sorted(a["email"] for a in live)
    first = live[0]
    assert [p["id"] for p in sg.find("HumanUser", [["login", "starts_with", first["login"][:4]], ["id", "is", first["id"]]], ["id"])] == [first["id"]]
    assert first["id"] not in [p["id"] for p in sg.find("HumanUser", [["login", "is_not", first["login"]]], ["id"])]
    surname = first["email"].split("@")[0].split(".")[-1]
    assert [p["id"] for p in sg.find("HumanUser", [["email", "contains", surname]], ["id"])] == [first["id"]]
