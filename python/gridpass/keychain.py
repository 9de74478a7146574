"""Reads the session Gridpass keeps, with Python's keyring: the same service and account name Gridpass writes.

Only session entries are ever read here. The passphrase entry is never touched: renewing a session is
Gridpass's job, under its pause rules.
"""
import os

import keyring
from keyring.errors import KeyringError

DEFAULT_SERVICE = "Gridpass"


def keychain_service():
    """``GRIDPASS_KEYCHAIN_SERVICE`` moves Gridpass's entries elsewhere (tests, side-by-side installs), as in the app."""
    return os.environ.get("GRIDPASS_KEYCHAIN_SERVICE") or DEFAULT_SERVICE


def _escape(part):
    return part.replace("%", "%25").replace(":", "%3A")


def session_entry_name(host, login):
    """``session:<host>:<login>``, with ``%`` and ``:`` escaped as Gridpass escapes them."""
    return "session:%s:%s" % (_escape(host.lower()), _escape(login))


def kept_session(host, login):
    """The kept session token, or None when there is none or the keychain cannot be read here."""
    try:
        return keyring.get_password(keychain_service(), session_entry_name(host, login)) or None
    except (KeyringError, RuntimeError, OSError):
        # No keychain on this machine (a render node), or a locked one: `gridpass session` says which.
        return None
