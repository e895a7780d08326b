"""`python -m importers.snapshot --sources ../shared/sources [--data-dir data]`."""

import sys

from importers.snapshot.build import main

sys.exit(main())
