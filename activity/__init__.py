"""Read side and shared domain: metric catalog, periods, places, the warehouse reader."""
