"""output step of the pipeline."""
