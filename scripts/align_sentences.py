#!/usr/bin/env python3
"""Write or refresh each report's sentence alignment. See `edition/adapters/align_sentences.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.adapters.align_sentences import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
