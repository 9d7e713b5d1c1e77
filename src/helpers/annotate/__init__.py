"""The annotation layer: names, entities, quotations and themes over a loaded article, and the layer
registry that turns them into tables (:mod:`helpers.annotate.layers`)."""
from .layers import LAYERS, annotate_article, map_articles, write_article

__all__ = ["LAYERS", "annotate_article", "map_articles", "write_article"]
