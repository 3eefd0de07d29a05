#!/usr/bin/env python3
"""Check that the Chinese and English pages stay in step. See `edition/adapters/cli.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.adapters.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
