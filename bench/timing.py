"""Timing helper shared by the benchmarks."""

from __future__ import annotations

import time
from typing import Callable, List, Tuple


def _runs(fn: Callable[[], object], repeat: int) -> List[Tuple[float, float]]:
    """``(wall, cpu)`` seconds of each of ``repeat`` runs of ``fn``; cpu counts every thread of
    this process."""
    runs = []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    return runs


def best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds (the least disturbed by other load)."""
    return min(wall for wall, _ in _runs(fn, repeat))


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    """The least CPU time (all threads of this process) of ``repeat`` runs, in seconds.

    On a shared machine wall time counts other jobs' load; CPU time of a one-thread run does
    not (much), so it is the fairer way to compare two paths there."""
    return min(cpu for _, cpu in _runs(fn, repeat))


def best_wall_cpu(fn: Callable[[], object], repeat: int) -> Tuple[float, float]:
    """``(wall, cpu)`` seconds of the fastest of ``repeat`` runs of ``fn``: cpu is this process's
    CPU time in that run (all its threads), so on a shared machine wall/cpu shows the stealing."""
    return min(_runs(fn, repeat))
