#!/usr/bin/env python3
"""Cut an edition release of every report. See `edition/adapters/release.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.adapters.release import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
