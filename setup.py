"""Compiles the message catalogues into the wheel (#12).

The .mo files are build products (not in git), so `pip install` from a wheel
would otherwise give an English site wherever site-packages is read-only.
Everything else about the package is in pyproject.toml.
"""

from pathlib import Path

import polib
from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self):
        super().run()
        for po_path in Path("nashra/locale").glob("*/LC_MESSAGES/*.po"):
            mo_path = Path(self.build_lib) / po_path.with_suffix(".mo")
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))


setup(cmdclass={"build_py": BuildWithCatalogues})
