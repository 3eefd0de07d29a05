"""What drives the stages: the build pipeline before and after a site generator (pipeline,
which scripts/hooks.py adapts to MkDocs), the Zensical build (zensical), the content-check
command line (cli), and a quiet MkDocs build (quiet).

Stage 6: may import every stage above, never the workbench.
"""
