"""`vnplan serve`: a converted archive in the browser (upload, find, review, compare, export)."""
