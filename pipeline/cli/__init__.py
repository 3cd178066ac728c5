"""The `vnplan` command line: one module per command, exit codes in pipeline.errors."""
from pipeline.cli.main import main, run

__all__ = ["main", "run"]
