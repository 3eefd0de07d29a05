#!/usr/bin/env python3
"""Build the edition with Zensical into site-zensical/. See `edition/adapters/zensical.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.adapters.zensical import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
