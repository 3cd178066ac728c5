"""normalize step of the pipeline."""
