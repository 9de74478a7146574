"""The baseline: the same login with the official ShotGrid Python client (info, then one read)."""
import sys

import shotgun_api3

url, login = sys.argv[1], sys.argv[2]
password = sys.stdin.readline().rstrip("\n")
sg = shotgun_api3.Shotgun(url, login=login, password=password)  # connects: one info call
user = sg.find_one("HumanUser", [["login", "is", login]], ["name", "login", "email", "sg_status_list", "permission_rule_set"])
sys.exit(0 if user is not None else 1)
