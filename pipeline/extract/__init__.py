"""extract step of the pipeline."""
