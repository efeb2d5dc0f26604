"""Shared test configuration: hypothesis profiles, fixture locations."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
#: The reference instant every fixture's expectations were written against (a Tuesday).
NOW = datetime(2024, 9, 10, 12, 0, tzinfo=timezone.utc)
