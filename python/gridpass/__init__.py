"""ShotGrid sessions for pipeline tools, from the login Gridpass keeps.

    import gridpass
    sg = gridpass.connect("mystudio.shotgrid.autodesk.com", login="jane@studio.com")
    sg.find_one("HumanUser", [["login", "is", "jane@studio.com"]], ["name"])
"""
from gridpass.connect import connect
from gridpass.errors import GridpassError

__all__ = ["connect", "GridpassError"]
__version__ = "0.1.0"
