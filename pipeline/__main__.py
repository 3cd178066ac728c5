"""`python -m pipeline` is the `vnplan` command."""
from pipeline.cli import run

run()
