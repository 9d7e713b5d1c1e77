"""The analysis layer: discourse and corpus measures over annotated articles, returned as tables.
Draws nothing (that is :mod:`helpers.figures`)."""
