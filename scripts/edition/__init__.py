"""The bilingual edition's Python package. Its subpackages follow the data's way through the
build, each importing only from those listed before it:

    model/       the report as data: the one Markdown parser (blocks), the project on disk,
                 the YAML data files and their schemas, the glossary, the key figures, what a
                 text says (text, numbers), problems and their root causes
    sources/     a report's text as it came: the raw text of a published report imported into
                 pages (importer), the archived source the Chinese edition is checked against
    generators/  what is made from the model: each page's Markdown step and the `{{ … }}`
                 directives (glossary, notes, side by side, key figures, downloads), the
                 aligned corpus, citation data, the PDFs
    checks/      the content checks, one module per check, named as the check is
    passes/      the passes over built pages: each page's HTML step, term hints, tables for
                 phones, search indexes, the Content-Security-Policy, minifying, Material's
                 stylesheet trimmed, UI words in the page's language, preview banners
    adapters/    what drives the stages: the build pipeline (MkDocs hooks, Zensical), the
                 check command line, a quiet build

and, apart, imported by none of them:

    workbench/   the tools that only measure: `make bench`, page weight, Lighthouse, the
                 search query set, synthetic reports at scale, build comparison, Pagefind

tests/test_layout.py keeps it so: no import from a stage to a later one, none into the
workbench, and no import circle.
"""
