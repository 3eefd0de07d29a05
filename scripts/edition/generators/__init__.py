"""What is made from the model: each page's Markdown step (page_markdown), the `{{ … }}`
directives of the pages (directives: glossary, notes, side by side, key figures, downloads,
the print page), their parts (side_by_side, key_figures, inline_html, source_fields), the
aligned corpus (corpus), citation data (citation), the downloads (downloads), and the PDFs
printed by the system Chromium (pdf, browser).

Stage 3: may import the model and the sources.
"""
