"""The in-process benchmark's settings: the test suite's, with the kept corpus's photos.

A corpus is kept between runs (bench/run.py), its photos with it: MEDIA_ROOT is the
corpus's folder (BENCH_MEDIA_ROOT) rather than the test settings' fresh temporary one.
"""

import os
import shutil
from pathlib import Path

from cms.settings.test import *  # noqa: F403
from cms.settings.test import MEDIA_ROOT as TEST_MEDIA_ROOT

shutil.rmtree(TEST_MEDIA_ROOT, ignore_errors=True)  # made empty by the test settings
MEDIA_ROOT = Path(os.environ["BENCH_MEDIA_ROOT"])
PRIVATE_MEDIA_ROOT = Path(os.environ["BENCH_PRIVATE_MEDIA_ROOT"])
# One key with the app servers of the HTTP run, which take the tokens it signs (bench/ballots.py).
SECRET_KEY = os.environ.get("BENCH_SECRET_KEY", SECRET_KEY)  # noqa: F405
