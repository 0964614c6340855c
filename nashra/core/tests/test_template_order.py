"""Templates follow the import layers of pyproject.toml (#13).

A template may load the tags of, include or extend the templates of its own
app or an app below it, never one above: the article page does not load
comment tags, comments fill the slots it offers. The one exception is the
page frame, ``base.html`` (the wiring app's), which every page extends by name.
"""

import re
import tomllib

from nashra.core.tests.test_imports import REPOSITORY, ROOT

FRAME = {"base.html"}
LOADS = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
USES = re.compile(r"{%\s*(?:include|extends)\s+\"([^\"]+)\"")


def layer_ranks():
    """{app: rank}, 0 for the bottom row of the layers contract."""
    config = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    ranks = {}
    for rank, row in enumerate(reversed(layers)):
        for module in row.split("|"):
            ranks[module.strip().removeprefix("nashra.")] = rank
    return ranks


def templates():
    for path in sorted(ROOT.glob("*/templates/**/*.html")):
        app = path.relative_to(ROOT).parts[0]
        yield app, path.relative_to(ROOT / app / "templates").as_posix(), path


def crossings():
    ranks = layer_ranks()
    libraries = {p.stem: p.parts[-3] for p in ROOT.glob("*/templatetags/*.py")}
    owners = {name: app for app, name, _path in templates()}
    found = []
    for app, name, path in templates():
        source = path.read_text(encoding="utf-8")
        for match in LOADS.finditer(source):
            for library in match.group(1).split():
                owner = libraries.get(library)
                if owner and ranks[owner] > ranks[app]:
                    found.append(f"{app}/{name} loads {library} ({owner})")
        for match in USES.finditer(source):
            owner = owners.get(match.group(1))
            if owner and match.group(1) not in FRAME and ranks[owner] > ranks[app]:
                found.append(f"{app}/{name} uses {match.group(1)} ({owner})")
    return found


def test_every_app_with_templates_has_a_layer():
    ranks = layer_ranks()
    assert {app for app, _name, _path in templates()} <= ranks.keys()
    assert (ROOT / "server" / "templates" / "base.html").exists()


def test_no_template_reaches_an_app_above_its_own():
    assert not crossings(), "\n".join(crossings())
