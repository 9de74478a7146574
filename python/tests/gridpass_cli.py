"""The built `gridpass` command, with a settings folder and a keychain service of the test's own.

The test plays the person: it saves a login with `gridpass login`, as the app's Save step would. The code
under test (`gridpass.connect`) only ever meets what Gridpass keeps.
"""
import json
import os
import shlex
import subprocess
import tempfile
import uuid

from practice_site import CLI, REPO

# Writes one entry exactly as Gridpass does (@napi-rs/keyring, pinned to the Secret Service). Python's keyring
# would add a second item with its own attributes, which Gridpass then finds ambiguous.
_WRITE_ENTRY = """
const { Entry } = require('@napi-rs/keyring');
let value = '';
process.stdin.on('data', (chunk) => { value += chunk; });
process.stdin.on('end', () => new Entry(process.argv[1], process.argv[2], { linux: { store: 'secret-service' } }).setPassword(value));
"""


class GridpassHome:
    def __init__(self, monkeypatch):
        self.folder = tempfile.TemporaryDirectory(prefix="gridpass-pytest-")
        self.service = "Gridpass-pytest-%s" % uuid.uuid4()
        # Both the `gridpass` child processes and Python's keyring in this process use these.
        monkeypatch.setenv("GRIDPASS_HOME", self.folder.name)
        monkeypatch.setenv("GRIDPASS_KEYCHAIN_SERVICE", self.service)
        monkeypatch.setenv("GRIDPASS_CLI", " ".join(shlex.quote(part) for part in ["node", str(CLI)]))

    def run(self, *args, stdin=""):
        return subprocess.run(["node", str(CLI), *args], input=stdin, capture_output=True, text=True, env=os.environ.copy(), timeout=120)

    def save_login(self, site, account, passphrase=None, code=None):
        args = ["login", "--site", site.url, "--login", account["login"], "--passphrase-stdin", "--json"]
        stdin = (passphrase or account["passphrase"]) + "\n"
        if code is not None:
            args.append("--2fa-stdin")
            stdin += code + "\n"
        done = self.run(*args, stdin=stdin)
        assert done.returncode == 0, done.stdout + done.stderr
        return json.loads(done.stdout)

    def session(self, site, login=None):
        done = self.run("session", "--site", site.url, "--json", *(["--login", login] if login else []))
        return done.returncode, json.loads(done.stdout)

    def write_entry(self, name, value):
        """Overwrites a keychain entry the way Gridpass writes it (the value goes over stdin, never argv)."""
        done = subprocess.run(["node", "-e", _WRITE_ENTRY, self.service, name], input=value, capture_output=True, text=True, cwd=str(REPO), timeout=60)
        assert done.returncode == 0, done.stderr

    def close(self):
        self.run("accounts", "forget", "--all", "--yes")
        self.folder.cleanup()
