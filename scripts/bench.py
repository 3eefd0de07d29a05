#!/usr/bin/env python3
"""`make bench`, `make bench-scale`: measure the build, the checks, page weight, search and Lighthouse. See `edition/workbench/bench.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.workbench.bench import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
