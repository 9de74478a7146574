"""The baseline without the official client: the same two API3 calls (info, then one read) with
Python's standard library only, over one kept-alive connection as shotgun_api3 does."""
import http.client
import json
import sys
from urllib.parse import urlsplit

url, login = sys.argv[1], sys.argv[2]
password = sys.stdin.readline().rstrip("\n")
parts = urlsplit(url)
connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
connection = connection_class(parts.hostname, parts.port)
headers = {"content-type": "application/json; charset=utf-8", "accept": "application/json"}


def call(method, params):
    connection.request("POST", "/api3/json", json.dumps({"method_name": method, "params": params}), headers)
    reply = json.loads(connection.getresponse().read())
    if isinstance(reply, dict) and reply.get("exception"):
        sys.exit(1)
    return reply.get("results", reply) if isinstance(reply, dict) else reply


call("info", [])
read = {
    "type": "HumanUser",
    "return_fields": ["name", "login", "email", "sg_status_list", "permission_rule_set"],
    "filters": {"logical_operator": "and", "conditions": [{"path": "login", "relation": "is", "values": [login]}]},
    "return_only": "active",
    "paging": {"entities_per_page": 1, "current_page": 1},
    "api_return_image_urls": True,
    "return_paging_info_without_counts": False,
}
found = call("read", [{"user_login": login, "user_password": password}, read])
sys.exit(0 if found.get("entities") else 1)
