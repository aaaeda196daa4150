"""A short coverage-guided fuzzing run in the suite: the harness must find no crash.

Longer runs: ``python -m tests.fuzz.harness -max_total_time=3600`` (see its docstring).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

pytest.importorskip("atheris")


def test_atheris_finds_no_crash_in_the_input_stages(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "tests.fuzz.harness", "-seed=1", "-max_total_time=40",
         "-rss_limit_mb=2048", "-timeout=10", f"-artifact_prefix={tmp_path}/"],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    report = run.stderr[-3000:]
    assert run.returncode == 0, f"atheris found a crash or a hang:\n{report}"
    assert "Done" in report and " runs in " in report  # it really fuzzed
