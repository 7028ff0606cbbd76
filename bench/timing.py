"""Timing helper shared by the benchmarks."""

from __future__ import annotations

import time
from typing import Callable


def best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    """The least CPU time (all threads of this process) of ``repeat`` runs, in seconds.

    On a shared machine wall time counts other jobs' load; CPU time of a one-thread run does
    not (much), so it is the fairer way to compare two paths there."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def best_wall_cpu(fn: Callable[[], object], repeat: int) -> tuple:
    """``(wall, cpu)`` seconds of the fastest of ``repeat`` runs of ``fn``: cpu is this process's
    CPU time in that run (all its threads), so on a shared machine wall/cpu shows the stealing."""
    runs = []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    return min(runs)
