"""Products that read converted plans: compare two revisions of a plan."""
