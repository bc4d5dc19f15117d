"""Write side: read spreadsheets and reports, validate, load the warehouse."""
