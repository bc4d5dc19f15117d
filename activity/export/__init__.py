"""Exports an official can hand on: tables as .xlsx and .csv, the report workbook."""
