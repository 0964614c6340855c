"""gunicorn settings for `nashra serve --production` (#8)."""

accesslog = None
errorlog = "-"
# Long enough for a cold render of a huge page, short enough to free a stuck worker.
timeout = 30
graceful_timeout = 10
keepalive = 5
# Recycle workers now and then: Python processes only grow.
max_requests = 20000
max_requests_jitter = 2000


def post_worker_init(worker):
    """Every worker competes for the scheduler lock; exactly one holds it."""
    from nashra.pagecache.production import start_scheduler_leader

    start_scheduler_leader()
