"""edition/passes/minify.py's compact_html: the pages without the templates' indentation, and
nothing a reader sees changed (the browser tests read the compacted site)."""

from __future__ import annotations

import re

from edition.passes.minify import compact_html


def test_indentation_and_blank_lines_go_a_line_break_stays():
    html = '<head>\n    <meta charset="utf-8">\n\n  \n    <title>x</title>\n  </head>\n<p>one\n   two</p>'
    assert compact_html(html) == '<head>\n<meta charset="utf-8">\n<title>x</title>\n</head>\n<p>one\ntwo</p>'


def test_preformatted_text_and_scripts_are_kept_as_written():
    kept = [
        "<pre><code>a\n    b\n\n  c</code></pre>",
        "<PRE class=x>\n  y\n</PRE>",
        "<textarea>\n  typed\n</textarea>",
        '<script>var s = "\n   ";\n  f();</script>',
        '<script id="edition-citation" type="application/json">{\n  "a": 1\n}</script >',
        "<style>\n  p { margin: 0 }\n</style>",
    ]
    html = "\n    ".join(["<div>", *kept, "</div>"])
    out = compact_html(html)
    for block in kept:
        assert block in out
    assert "\n " not in re.sub("|".join(map(re.escape, kept)), "", out)


def test_only_ascii_blanks_go():
    # An ideographic or no-break space at the start of a line is text.
    assert compact_html("<p>\n\u3000\u3000起</p>\n\u00a0x") == "<p>\n\u3000\u3000起</p>\n\u00a0x"


def test_compacting_twice_changes_nothing():
    html = "<ul>\n  <li>\n    <a href=x>a</a>\n  </li>\n</ul>\n<pre>\n  k\n</pre>"
    once = compact_html(html)
    assert once != html and compact_html(once) == once
