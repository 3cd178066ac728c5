"""Variant documents built by the tests (issue 4): declarative specs, builders, catalog, report.

`spec.py` describes a document (header, body, task tables, closing) as small
dataclasses; `build_docx.py`, `build_pdf.py` and `build_lo.py` turn one spec into
a DOCX, a reportlab PDF (platypus, or a low-level canvas with PDF quirks) and a
LibreOffice PDF; `catalog.py` and `catalog_office.py` (layouts real offices
produce) list the variants with their hand-written expected JSON fragments;
`report.py` prints the cell accuracy per feature.
"""
