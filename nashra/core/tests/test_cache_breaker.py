"""The circuit breaker in front of Redis (#17), without a Redis."""

import time

import redis
from django.test import SimpleTestCase, override_settings

from nashra.core.cache import breaker, guarded


class Calls:
    def __init__(self, *, fail):
        self.fail = fail
        self.count = 0

    def __call__(self):
        self.count += 1
        if self.fail:
            raise redis.TimeoutError("Timeout reading from socket")
        return "from redis"


@override_settings(REDIS_RETRY_SECONDS=0.2)
class BreakerTests(SimpleTestCase):
    def setUp(self):
        breaker.reset()
        self.addCleanup(breaker.reset)

    def test_one_failure_then_every_call_is_skipped(self):
        frozen = Calls(fail=True)
        with self.assertLogs("nashra.core.cache", "WARNING") as logs:
            results = [guarded(frozen, "fallback") for _ in range(50)]
        self.assertEqual(results, ["fallback"] * 50)
        self.assertEqual(frozen.count, 1)
        self.assertEqual(len(logs.records), 1)  # once per outage, not per call

    def test_after_the_pause_one_call_tries_and_a_success_closes_it(self):
        frozen = Calls(fail=True)
        guarded(frozen, None)
        time.sleep(0.25)
        back = Calls(fail=False)
        self.assertEqual(guarded(back, None), "from redis")
        self.assertTrue(breaker.closed())
        self.assertEqual([guarded(back, None) for _ in range(3)], ["from redis"] * 3)

    def test_a_failed_probe_opens_it_again(self):
        frozen = Calls(fail=True)
        guarded(frozen, None)
        time.sleep(0.25)
        guarded(frozen, None)
        guarded(frozen, None)
        self.assertEqual(frozen.count, 2)
        self.assertFalse(breaker.closed())

    def test_an_owed_invalidation_is_paid_when_redis_is_back(self):
        """A deletion during the outage must not leave the old entry behind."""
        paid = []
        guarded(Calls(fail=True), None)
        guarded(Calls(fail=False), None, debt=(("delete", "k"), lambda: paid.append(1)))
        guarded(Calls(fail=False), None, debt=(("delete", "k"), lambda: paid.append(1)))
        self.assertEqual(paid, [])
        time.sleep(0.25)
        self.assertEqual(guarded(Calls(fail=False), None), "from redis")
        self.assertEqual(paid, [1])  # owed once, paid once
