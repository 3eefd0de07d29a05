"""The passes over built pages: each page's HTML step (page_html), term hints (hints), tables
made ready for a phone (tables), the search indexes (search_index), the
Content-Security-Policy (csp), the assets and pages compacted (minify), Material's
stylesheet without unused features (css_diet), the UI in the page's language
(ui_language), and the preview's banners (preview).

Stage 5: may import the model, the sources, the generators and the checks.
"""
