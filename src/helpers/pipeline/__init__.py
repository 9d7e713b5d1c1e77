"""The pipeline layer: the command line, the main job (annotate, then execute every notebook), the
notebooks' set-up and the HTML report."""
