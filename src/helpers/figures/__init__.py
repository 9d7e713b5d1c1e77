"""The figures layer: Arabic charts that read right, the figures manifest, right-to-left HTML, and
atomic writes."""
