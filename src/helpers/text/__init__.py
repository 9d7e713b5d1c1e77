"""The text layer: loading and decoding articles, normalisation, quote marks, sentences and tokens,
Arabic morphology, and the readers of the editable language-data files. Imports nothing above it."""
