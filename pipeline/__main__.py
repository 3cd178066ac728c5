"""`python -m pipeline` is the `vnplan` command."""
import sys

from pipeline.cli import main

sys.exit(main())
