"""``connect()``: a working ``shotgun_api3.Shotgun`` from the login Gridpass keeps, with no passphrase anywhere."""
import shotgun_api3

from gridpass.cli import ask_gridpass
from gridpass.keychain import kept_session
from gridpass.site import site_origin


def connect(site, login=None):
    """Returns a ``shotgun_api3.Shotgun`` signed in with the session Gridpass keeps for ``login`` on ``site``.

    The kept session is read from the keychain and checked once. When it has expired (or is not there),
    Gridpass is asked to renew it (``gridpass session``), which it does at most once and never for a login
    paused after a refused passphrase. Anything else raises ``GridpassError`` with the finding code and
    "Open Gridpass to fix this login". ``login`` may be left out when Gridpass keeps one login for the site.
    """
    origin, host = site_origin(site)
    if login is not None:
        token = kept_session(host, login)
        checked = None if token is None else _checked(origin, login, token)
        if checked is not None:
            return checked
    _login, token = ask_gridpass(origin, login)
    return shotgun_api3.Shotgun(origin, session_token=token)


def _checked(origin, login, token):
    """The client, after one read of the person's own record with the session; None when that did not work.

    python-api sends the session with ``reject_if_expired``, so an expired one is refused, not renewed.
    """
    try:
        sg = shotgun_api3.Shotgun(origin, session_token=token)
        sg.find_one("HumanUser", [["login", "is", login]], ["login"])
        return sg
    except Exception:
        # Expired, or the network or the site: Gridpass checks again and renews or says which, with its finding.
        return None
