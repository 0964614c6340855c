"""Requests counted in this process reach prometheus_client as they would
one by one (#17: the overhead budget, core/metrics.py)."""

import os

from django.test import SimpleTestCase
from prometheus_client import CollectorRegistry, Histogram

from nashra.core import metrics

SECONDS = (0.0004, 0.001, 0.0011, 0.02, 0.02, 0.7, 3.0, 99.0)


def samples(histogram):
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in histogram.collect()
        for s in family.samples
        if not s.name.endswith("_created")
    }


class TallyTests(SimpleTestCase):
    def test_many_observations_at_once_match_one_by_one(self):
        one_by_one, at_once = (
            Histogram("t", "t", ["kind"], buckets=metrics.LATENCY_BUCKETS,
                      registry=CollectorRegistry())
            for _ in range(2)
        )  # fmt: skip
        tally = [0] * len(metrics.BOUNDS) + [0.0]
        for seconds in SECONDS:
            one_by_one.labels("article").observe(seconds)
            tally[metrics.bisect_left(metrics.BOUNDS, seconds)] += 1
            tally[-1] += seconds
        metrics._add_observations(at_once.labels("article"), tally)
        self.assertEqual(samples(at_once), samples(one_by_one))

    def test_the_flush_splits_rows_into_requests_cache_and_latency(self):
        metrics.flush()
        requests = metrics.REQUESTS.labels("split-test", "4xx")
        hits = metrics.PAGE_CACHE.labels("hit")
        latency = metrics.LATENCY.labels("split-test")
        before = (requests._value.get(), hits._value.get(), latency._sum.get())
        metrics.count_request("split-test", 404, 0.5, cache="hit")
        metrics.count_request("split-test", 410, 0.25, cache="hit")
        metrics.count_request("split-test", 404, 0.25)
        metrics.flush()
        after = (requests._value.get(), hits._value.get(), latency._sum.get())
        self.assertEqual([b - a for a, b in zip(before, after, strict=True)],
                         [3, 2, 1.0])  # fmt: skip

    def test_counted_requests_reach_the_registry_at_the_flush(self):
        child = metrics.REQUESTS.labels("tally-test", "2xx")
        before = child._value.get()
        for _ in range(3):
            metrics.count_request("tally-test", 204, 0.002, cache="hit")
        metrics.flush()
        self.assertEqual(child._value.get(), before + 3)
        metrics.flush()
        self.assertEqual(child._value.get(), before + 3)

    def test_a_forked_worker_does_not_hand_over_its_parents_counts(self):
        metrics.flush()
        metrics.count_request("fork-test", 200, 0.002)
        child = metrics.REQUESTS.labels("fork-test", "2xx")
        before = child._value.get()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: what it has to hand over
            pending = sum(sum(row[1:]) for key, row in metrics._tally.rows.items()
                          if key[0] == "fork-test")  # fmt: skip
            os.write(write, str(pending).encode())
            os._exit(0)
        os.waitpid(pid, 0)
        self.assertEqual(os.read(read, 16), b"0")
        metrics.flush()
        self.assertEqual(child._value.get(), before + 1)
