"""The practice site, run as a separate process exactly as a trainer or a tool would run it.

`gridpass practice-site --json` prints one JSON document (address, accounts, scripts) and serves until it
is stopped; the request log is read over `GET /__practice/log`, so the tests count what the official
client really sent.
"""
import json
import os
import subprocess
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "out" / "cli" / "gridpass.js"


class PracticeSite:
    def __init__(self, method):
        if not CLI.exists():
            raise RuntimeError("out/cli/gridpass.js is missing: run `npm run build` first")
        self.process = subprocess.Popen(
            ["node", str(CLI), "practice-site", "--method", method, "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        self.summary = self._read_summary()
        self.url = self.summary["url"]
        self.method = method

    def _read_summary(self):
        decoder = json.JSONDecoder()
        text = ""
        for line in self.process.stdout:
            text += line
            try:
                document, _ = decoder.raw_decode(text.strip())
                return document
            except ValueError:
                continue
        self.process.kill()
        raise RuntimeError("the practice site stopped before printing its address: " + self.process.stderr.read())

    def account(self, scenario):
        for account in self.summary["accounts"]:
            if account["scenario"] == scenario:
                return account
        return None

    def script(self, can_sudo):
        return next(script for script in self.summary["scripts"] if script["canSudo"] == can_sudo)

    def log(self):
        with urllib.request.urlopen(self.url + "/__practice/log") as reply:
            return [entry for entry in json.load(reply)["entries"] if entry["authKind"] != "control"]

    def clear_log(self):
        request = urllib.request.Request(self.url + "/__practice/log", method="DELETE")
        urllib.request.urlopen(request).close()

    def password_requests(self, login=None):
        return [
            entry for entry in self.log()
            if entry["authKind"] == "password" and (login is None or (entry["principal"] or "").lower() == login.lower())
        ]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()
