"""The report as data: the one Markdown parser (blocks), the project on disk (project), a
report's YAML data files with their line numbers and schemas (data_files, schemas,
yaml_data), its glossary and key figures (glossary, figures), what a text says (text,
numbers), which version of a page a translation follows (fingerprint), the site's settings
(site), and problems with their root causes (problems, causes).

Stage 1 of the edition: imports nothing else of it.
"""
