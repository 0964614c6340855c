"""Settings come from the environment, with safe local defaults (#2)."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def settings_in(env, expression, tmp_path):
    """Evaluate `expression` in a fresh interpreter that imports the settings."""
    clean = {k: v for k, v in os.environ.items()
             if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG"}}  # fmt: skip
    clean.update({"NASHRA_VAR_DIR": str(tmp_path / "var"), **env})
    code = f"import nashra.settings as s; print(repr({expression}))"
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=ROOT, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def test_secret_key_is_generated_once_with_0600(tmp_path):
    first = settings_in({}, "s.SECRET_KEY", tmp_path)
    second = settings_in({}, "s.SECRET_KEY", tmp_path)
    assert first == second and len(first) > 50
    mode = stat.S_IMODE((tmp_path / "var" / "secret_key").stat().st_mode)
    assert mode == 0o600


def test_secret_key_from_the_environment_wins(tmp_path):
    assert (
        settings_in({"SECRET_KEY": "from-env"}, "s.SECRET_KEY", tmp_path)
        == "'from-env'"
    )
    assert not (tmp_path / "var" / "secret_key").exists()


def test_defaults_are_sqlite_in_wal_mode_locmem_and_no_debug(tmp_path):
    engine = settings_in({}, "s.DATABASES['default']['ENGINE']", tmp_path)
    assert "sqlite3" in engine
    assert "journal_mode=WAL" in settings_in(
        {}, "s.DATABASES['default']['OPTIONS']", tmp_path
    )
    assert "LocMemCache" in settings_in({}, "s.CACHES['default']['BACKEND']", tmp_path)
    assert settings_in({}, "s.DEBUG", tmp_path) == "False"


@pytest.mark.parametrize(
    ("env", "expression", "expected"),
    [
        ({"DATABASE_URL": "postgres://u@127.0.0.1:5432/news"}, "s.DATABASES['default']['NAME']", "'news'"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/3"}, "s.CACHES['default']['BACKEND']", "'nashra.core.cache.SharedClientRedisCache'"),
        ({"ALLOWED_HOSTS": "news.example, www.news.example"}, "s.ALLOWED_HOSTS", "['news.example', 'www.news.example']"),
        ({"DEBUG": "yes"}, "s.DEBUG", "True"),
        ({"NASHRA_LANGUAGE": "en"}, "s.LANGUAGE_CODE", "'en'"),
        ({"MEDIA_ROOT": "/srv/media"}, "str(s.MEDIA_ROOT)", "'/srv/media'"),
    ],
)  # fmt: skip
def test_environment_variables(env, expression, expected, tmp_path):
    assert settings_in(env, expression, tmp_path) == expected


def test_sqlite_connections_are_kept_only_when_asked(tmp_path):
    """The development server's thread per request must not keep connections;
    production's fixed pool keeps them (reopening cost 1.3 ms a request, #8)."""
    age = "s.DATABASES['default']['CONN_MAX_AGE']"
    assert settings_in({}, age, tmp_path) == "0"
    assert settings_in({"NASHRA_DB_CONN_MAX_AGE": "60"}, age, tmp_path) == "60"


def test_media_go_to_a_bucket_when_one_is_named(tmp_path):
    """NASHRA_S3_* put originals and renditions on object storage (#16)."""
    env = {
        "NASHRA_S3_BUCKET": "news-media",
        "NASHRA_S3_ENDPOINT_URL": "http://127.0.0.1:8333",
        "NASHRA_S3_ACCESS_KEY": "key",
        "NASHRA_S3_SECRET_KEY": "secret",
        "NASHRA_S3_PUBLIC_URL": "https://media.news.example/",
    }
    storage = settings_in(env, "s.STORAGES['default']", tmp_path)
    assert "'storages.backends.s3.S3Storage'" in storage
    for expected in (
        "'bucket_name': 'news-media'",
        "'endpoint_url': 'http://127.0.0.1:8333'",
        "'custom_domain': 'media.news.example'",
        "'url_protocol': 'https:'",
        "'querystring_auth': False",
        "'file_overwrite': False",
    ):
        assert expected in storage
    assert settings_in(env, "(s.MEDIA_URL, s.SERVE_MEDIA)", tmp_path) == (
        "('https://media.news.example/', False)"
    )


def test_media_stay_on_local_disk_by_default(tmp_path):
    storage = settings_in({}, "s.STORAGES['default']['BACKEND']", tmp_path)
    assert storage == "'django.core.files.storage.FileSystemStorage'"
    assert settings_in({}, "(s.MEDIA_URL, s.SERVE_MEDIA)", tmp_path) == (
        "('/media/', True)"
    )
