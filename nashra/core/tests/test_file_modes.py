"""The database, media and secret key are private to the site's user (#17).

They were created 0644: any local account could read every commenter's
e-mail address and the key that signs sessions.
"""

import stat

from nashra.core.tests.test_settings import settings_in


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_var_dir_database_and_secret_key_are_private(tmp_path):
    settings_in({}, "s.SECRET_KEY", tmp_path)
    var = tmp_path / "var"
    assert mode(var) == 0o700
    assert mode(var / "secret_key") == 0o600
    assert mode(var / "db.sqlite3") == 0o600


def test_uploads_are_private_unless_nginx_serves_them(tmp_path):
    assert settings_in({}, "oct(s.FILE_UPLOAD_PERMISSIONS)", tmp_path) == "'0o600'"
    assert (
        settings_in({}, "oct(s.FILE_UPLOAD_DIRECTORY_PERMISSIONS)", tmp_path)
        == "'0o700'"
    )
    behind_nginx = {"NASHRA_SERVE_MEDIA": "0"}
    assert (
        settings_in(behind_nginx, "oct(s.FILE_UPLOAD_PERMISSIONS)", tmp_path)
        == "'0o640'"
    )
