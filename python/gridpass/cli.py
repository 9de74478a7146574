"""Asks Gridpass for a working session: ``gridpass session --site S [--login L] --json``.

Gridpass checks the kept session and, only when it has expired, renews it once with the keychain
passphrase under the app's pause rules. This module never sees the passphrase.
"""
import json
import os
import shlex
import shutil
import subprocess
import sys

from gridpass.errors import GridpassError

SESSION_SCHEMA = "gridpass.session/1"
TIMEOUT_SECONDS = 120

# Where the installers put the app, whose own binary runs `gridpass` commands (see docs/deploying.md).
_APP_PATHS = {
    "darwin": ["/Applications/Gridpass.app/Contents/MacOS/Gridpass", "~/Applications/Gridpass.app/Contents/MacOS/Gridpass"],
    "win32": [r"%LOCALAPPDATA%\Programs\Gridpass\Gridpass.exe", r"%ProgramFiles%\Gridpass\Gridpass.exe"],
    "linux": ["/opt/Gridpass/gridpass"],
}


def gridpass_command():
    """The command that runs Gridpass's CLI: ``GRIDPASS_CLI``, else ``gridpass`` on the PATH, else the installed app."""
    configured = os.environ.get("GRIDPASS_CLI")
    if configured:
        return shlex.split(configured, posix=os.name != "nt")
    on_path = shutil.which("gridpass")
    if on_path:
        return [on_path]
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    for candidate in _APP_PATHS.get(platform, []):
        path = os.path.expandvars(os.path.expanduser(candidate))
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return [path]
    return None


def ask_gridpass(origin, login):
    """Returns (login, token) from Gridpass, or raises GridpassError with Gridpass's own finding."""
    command = gridpass_command()
    if command is None:
        raise GridpassError(
            "GP-SESSION-NO-GRIDPASS",
            "Gridpass is not installed on this computer (or GRIDPASS_CLI does not point to it), so there is no session to use",
            origin, login,
        )
    args = command + ["session", "--site", origin, "--json"] + (["--login", login] if login else [])
    try:
        done = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GridpassError("GP-SESSION-NO-GRIDPASS", "Gridpass could not be run (%s)" % type(error).__name__, origin, login) from None
    document = _session_document(done.stdout)
    if done.returncode == 0 and document is not None and document.get("ok") is True and document.get("token"):
        return document.get("login") or login, document["token"]
    if document is not None and isinstance(document.get("finding"), dict):
        finding = document["finding"]
        raise GridpassError(finding.get("code", "GP-CHECK-ERROR"), finding.get("title", "Gridpass gave no reason"), origin, document.get("login") or login)
    # Exit 2 (how it was asked, e.g. a site with several logins and none named) or 3: Gridpass's one line says why.
    reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
    first = reason[0][len("gridpass: "):] if reason and reason[0].startswith("gridpass: ") else (reason[0] if reason else "no answer")
    raise GridpassError("GP-SESSION-USAGE" if done.returncode == 2 else "GP-CHECK-ERROR", first, origin, login)


def _session_document(stdout):
    try:
        document = json.loads(stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return document if isinstance(document, dict) and document.get("schema") == SESSION_SCHEMA else None
