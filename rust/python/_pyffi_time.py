"""`time`'s clocks and `sleep` on the host's clock (std's trap on wasm32-unknown-unknown)."""

import _pyffi


def install():
    # RustPython's monotonic clocks and sleep use std APIs that trap on wasm32-unknown-unknown.
    import time
    perf_now = _pyffi.perf_now

    def monotonic():
        return perf_now() / 1000

    def monotonic_ns():
        return int(perf_now() * 1_000_000)

    def time_ns():
        return int(time.time() * 1_000_000_000)

    def sleep(secs):
        """Blocks for `secs` seconds (a busy wait: there is no other way to block here).
        In async code use `await asyncio.sleep()`, which lets the page run meanwhile."""
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        # Compare elapsed time, not `start + secs`: the sum rounds, and a caller measuring
        # `monotonic() - start` must never see less than it asked for.
        start = monotonic()
        while monotonic() - start < secs:
            pass

    for name, fn in (("monotonic", monotonic), ("perf_counter", monotonic), ("process_time", monotonic),
                     ("thread_time", monotonic), ("monotonic_ns", monotonic_ns), ("perf_counter_ns", monotonic_ns),
                     ("process_time_ns", monotonic_ns), ("thread_time_ns", monotonic_ns), ("time_ns", time_ns),
                     ("sleep", sleep)):
        setattr(time, name, fn)
