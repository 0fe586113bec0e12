"""Datasette plugins that ``loader publish`` copies into the published folder's plugins/:
the limits and headers of a public instance (one concern per file). Not imported by
the loader itself."""
