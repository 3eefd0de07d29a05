#!/usr/bin/env python3
"""The edition's steps before and after the site generator. See `edition/adapters/pipeline.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.adapters.pipeline import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
