#!/usr/bin/env python3
"""The Pagefind trial of issue 13 (not a dependency). See `edition/workbench/pagefind_trial.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.workbench.pagefind_trial import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
