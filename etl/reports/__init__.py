"""Narrative reports to figures: text, who and when, the figure finder and its word lists, the review workbook."""
