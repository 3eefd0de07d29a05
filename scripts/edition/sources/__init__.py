"""A report's text as it came: the raw text of a published report made into pages with ids
(importer), and the archived source that the Chinese edition is checked against (source).

Stage 2: may import the model.
"""
