"""Spreadsheet exports of converted plans' tasks (CSV, XLSX, Parquet)."""
