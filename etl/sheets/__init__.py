"""Spreadsheets to figures: the readers (.xlsx, .ods, .csv), cell values, the long and wide layouts."""
