"""The one exception `connect()` raises: which login, why (a stable finding code), and what to do."""

FIX = "Open Gridpass to fix this login."


class GridpassError(Exception):
    """No working ShotGrid session could be had for a login Gridpass keeps.

    ``code`` is Gridpass's finding code (``GP-SESSION-PAUSED``, ``GP-SESSION-NO-LOGIN``,
    ``GP-KEYCHAIN-LOCKED``, ``GP-SITE-MAINTENANCE``...), the same one the app and ``gridpass doctor`` show.
    """

    def __init__(self, code, title, site, login=None):
        self.code = code
        self.title = title
        self.site = site
        self.login = login
        who = "%s on %s" % (login, site) if login else site
        super().__init__("Gridpass has no working ShotGrid session for %s: %s [%s]. %s" % (who, title.rstrip("."), code, FIX))
