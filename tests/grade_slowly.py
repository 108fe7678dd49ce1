"""`tutor` with every answer check slowed down, so a test can kill a grading run halfway.

    python tests/grade_slowly.py SECONDS grade PACK SUBMISSIONS ...

Forked workers inherit the patch. Not a test module: the resume test runs it.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor import grade  # noqa: E402
from tutor.cli import main  # noqa: E402

delay = float(sys.argv[1])
check = grade.check


def slow_check(exercise, text):
    time.sleep(delay)
    return check(exercise, text)


grade.check = slow_check
sys.exit(main(sys.argv[2:]))
