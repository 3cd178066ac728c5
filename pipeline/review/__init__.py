"""Products for people: the review page over the PDF (`inspect`) and the plan as a document (`render`)."""
