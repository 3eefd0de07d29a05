"""The tools that only measure, apart from the edition: `make bench` and `make bench-scale`
(bench), page weight (measure), Lighthouse (lighthouse), the search query set run in a
browser (search_queries), synthetic reports at scale (scale), two builds compared
(site_compare), the Pagefind trial (pagefind_trial), and external processes with a time
limit (processes).

May import any stage; no stage imports it.
"""
