"""Guards against hangs in tests, kept apart from speed.

A guard fails a test that never ends (a loader stuck on hostile input), not a slow one: the machine is
shared, and two cores may be busy with other work. Speed is measured by ``make bench``, never asserted in a
test. One number, so the suite's patience is set in one place."""

HANG_SECONDS = 60.0
"""How long one guarded step may take before it counts as a hang: minutes of margin over the
fraction of a second each step takes on a quiet machine."""
