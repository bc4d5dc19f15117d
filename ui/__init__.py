"""Streamlit building blocks shared by the pages: sidebar filters, charts, cards."""
