"""Pinning a benchmark to one core, so 'words per second on one core' means what it says."""

from __future__ import annotations

import os


def pin_one_core() -> str:
    """Pin this process to one CPU where the OS allows it; say what was done."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here); single-threaded"
