"""A fresh clone's first start and a wheel install are both Arabic (#12).

django.setup() reads and caches the Arabic catalogue; compiled after that, it
stayed unseen until the next start, so a newcomer's first look at the site
was in English.
"""

import gettext
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nashra

SOURCE = Path(nashra.__file__).resolve().parent.parent
STRINGS = {
    "Latest news": "آخر الأخبار",
    "Skip to content": "انتقل إلى المحتوى",
    "Dark mode": "الوضع الداكن",
    "Sections": "الأقسام",
}


def copy_source(target: Path) -> Path:
    """The package as a fresh clone has it: no compiled catalogue anywhere."""
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "*.egg-info")
    shutil.copytree(SOURCE / "nashra", target / "nashra", ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(SOURCE / name, target / name)
    return target


def test_first_start_on_a_tree_without_catalogues_is_arabic(tmp_path):
    tree = copy_source(tmp_path / "clone")
    assert not list(tree.glob("nashra/locale/*/LC_MESSAGES/*.mo"))
    code = (
        "from django.utils.translation import gettext\n"
        f"for msgid in {list(STRINGS)!r}: print(gettext(msgid))\n"
    )
    env = {**os.environ, "NASHRA_VAR_DIR": str(tmp_path / "var")}
    env["PYTHONPATH"] = str(tree)
    # `nashra shell` goes through the same entry point as `nashra serve`.
    result = subprocess.run(
        [sys.executable, "-c", "from nashra.cli import main; main()",
         "shell", "--no-imports", "-c", code],
        cwd=tree, env=env, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    assert result.stdout.splitlines() == list(STRINGS.values()), result.stderr


def test_the_wheel_ships_compiled_catalogues(tmp_path):
    """`pip install nashra-….whl` into a read-only site-packages must be Arabic."""
    tree = copy_source(tmp_path / "clone")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
         "--wheel-dir", str(tmp_path / "dist"), str(tree)],
        capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("nashra-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for language in ("ar", "en"):
            assert f"nashra/locale/{language}/LC_MESSAGES/django.mo" in names
        with archive.open("nashra/locale/ar/LC_MESSAGES/django.mo") as mo:
            catalogue = gettext.GNUTranslations(mo)
    for msgid, arabic in STRINGS.items():
        assert catalogue.gettext(msgid) == arabic
