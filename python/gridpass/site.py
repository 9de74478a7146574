"""A site address as Gridpass files it: the origin to connect to, and the ``host[:port]`` key of its keychain entries."""
from urllib.parse import urlsplit

# Where a bare site name ("mystudio") lives since the 2021 rename, as Gridpass itself expands it.
DEFAULT_SITE_DOMAIN = "shotgrid.autodesk.com"
DEFAULT_PORTS = {"https": 443, "http": 80}


def site_origin(site):
    """Returns (origin, host_key): ``https://mystudio.shotgrid.autodesk.com`` and ``mystudio.shotgrid.autodesk.com``."""
    text = site.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError("%r is not a ShotGrid site address (https://name.shotgrid.autodesk.com)" % site)
    hostname = parts.hostname.lower()
    if "." not in hostname and ":" not in hostname and hostname != "localhost":
        hostname = "%s.%s" % (hostname, DEFAULT_SITE_DOMAIN)
    if ":" in hostname:
        hostname = "[%s]" % hostname
    port = parts.port
    host = hostname if port is None or port == DEFAULT_PORTS[parts.scheme] else "%s:%d" % (hostname, port)
    return "%s://%s" % (parts.scheme, host), host
