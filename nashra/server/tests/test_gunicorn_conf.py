"""What each gunicorn worker does once the site is loaded (#8)."""

import gc
from unittest import mock

from nashra.server import gunicorn_conf


def test_worker_freezes_the_loaded_site_out_of_the_collector():
    """Full collections walked every start-up object on each run; frozen,
    they cost nothing per request."""
    with mock.patch("nashra.server.production.start_scheduler_leader") as leader:
        try:
            gunicorn_conf.post_worker_init(worker=None)
            assert gc.get_freeze_count() > 0
        finally:
            gc.unfreeze()
    leader.assert_called_once_with()
