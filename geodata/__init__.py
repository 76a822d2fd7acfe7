"""Drill Atlas data: loading, validation, filtering, URL state, region build and export."""
