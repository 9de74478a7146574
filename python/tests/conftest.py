import pytest

from practice_site import PracticeSite

LOGIN_METHODS = ("default", "ldap", "saml2", "oxygen")
PASSWORD_METHODS = ("default", "ldap", "oxygen")


def on_sites(*methods):
    """Runs a test against a practice site of each of these login methods (every method when none is named)."""
    return pytest.mark.parametrize("site", methods or LOGIN_METHODS, indirect=True)


@pytest.fixture(scope="module")
def site(request):
    """One practice site per login method, shared by a module's tests."""
    running = PracticeSite(request.param)
    yield running
    running.stop()


@pytest.fixture
def own_site():
    """Sites of a test's own, for tests that spend 2FA codes or change an account."""
    started = []

    def start(method):
        running = PracticeSite(method)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
