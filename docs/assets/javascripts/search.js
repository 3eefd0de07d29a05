// The edition's search in the page (with assets/javascripts/workers/edition-search.js, the
// worker), loaded by edition.js when the reader opens the search, or with a page opened from
// a search result (most readers never search: a first view carries none of it):
// - a result opens the paragraph that matched: Material links a result's page title to the
//   top of the page; it is pointed at the result's best paragraph (#p-…), the link below it;
// - a choice in the search dialog: this report (the default: its index alone is fetched)
//   or all reports, sent to the worker on the BroadcastChannel "edition-search" and kept
//   for the session (overrides/main.html passes it to the worker on the next page);
// - opening the search ({warm: true}) has the worker load the report's index;
// - the count line says what the results mean (explain, below);
// - a page opened from a result (below).
(function () {
  var KEY = "edition-search-scope";
  var english = document.documentElement.lang.indexOf("en") === 0;
  var wrap = document.querySelector(".md-search__scrollwrap");
  var result = document.querySelector(".md-search-result");
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  var field = document.querySelector("input.md-search__input");
  if (!wrap || !result || !list || !meta || !field) return;

  // What the worker said of the last query (edition-search.js): the query is not in the
  // report ("absent": no entry holds it, only some of its words), or the index could not
  // be loaded ("failed"). The count line says so, in the page's language, instead of
  // Material's "No matching documents", which would tell an offline reader that the
  // report does not speak of the topic.
  var status = null;

  function quoted(query) {
    return "\u201c" + query + "\u201d";
  }

  function explain() {
    var query = result.dataset.answered;
    if (!status || !query || status.answer !== query) return;
    var all = input.checked;
    var count = list.querySelectorAll(".md-search-result__item").length;
    var text = null;
    if (status.failed) {
      text = english ? "The search index could not be loaded (you may be offline)." : "搜索索引未能加载（可能已离线）。";
    } else if (status.absent) {
      text = english
        ? quoted(query) + (all ? " is not in any report" : " is not in this report") + (count ? "; these results hold some of its words:" : ".")
        : (all ? "各报告中都没有" : "本报告中没有") + quoted(query) + (count ? "；以下结果含其中部分词语：" : "。");
    }
    if (text && meta.textContent !== text) meta.textContent = text;
  }

  // Material rewrites the count after it has rendered a result (edition.js then stamps
  // the query answered): said again if the worker's word came first.
  new MutationObserver(explain).observe(meta, { childList: true, characterData: true, subtree: true });

  new MutationObserver(function () {
    list.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var links = item.querySelectorAll("a.md-search-result__link");
      if (links.length > 1 && links[0].hash === "" && links[1].hash.indexOf("#") === 0) links[0].href = links[1].href;
      // The words a result lacks, as words in the page's punctuation ("缺少：案", not
      // Material's "缺少: 案").
      item.querySelectorAll(".md-search-result__terms").forEach(function (terms) {
        var first = terms.firstChild;
        if (!english && first && first.nodeType === 3) first.textContent = first.textContent.replace(/:\s*$/, "：");
      });
    });
  }).observe(list, { childList: true });

  var box = document.createElement("div");
  box.className = "search-scope";
  var label = document.createElement("label");
  var input = document.createElement("input");
  input.type = "checkbox";
  input.name = "scope";
  try { input.checked = sessionStorage.getItem(KEY) === "all"; } catch (error) { /* storage off: default */ }
  label.appendChild(input);
  label.appendChild(document.createTextNode(english ? " Search all reports" : " 搜索全部报告"));
  box.appendChild(label);
  wrap.insertBefore(box, wrap.firstChild);

  var channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel("edition-search") : null;
  if (channel) {
    channel.addEventListener("message", function (event) {
      if (event.data && "answer" in event.data && event.data.answer === field.value) {
        status = event.data;
        explain();
      }
    });
  }
  // Opening the search starts loading the report's index, so that it is ready by the
  // time the first word is typed (it is not loaded with the page: most readers never search).
  // This script came with the first opening (edition.js): that one counts too.
  function warm() {
    if (channel) channel.postMessage({ warm: true });
  }
  field.addEventListener("focus", warm);
  if (document.activeElement === field) warm();
  input.addEventListener("change", function () {
    var scope = input.checked ? "all" : "report";
    try { sessionStorage.setItem(KEY, scope); } catch (error) { /* storage off: this page only */ }
    if (channel) channel.postMessage({ scope: scope });
  });
})();

// A page opened from a search result (…/?h=words#p-…), on which Material marks the words
// (once the search index has come: it reads ?h= then, so the address keeps it till then):
// - the paragraph links (¶) and the headings' permalinks do not carry the reader's query to
//   whoever opens a link copied from them: they are written without it, and followed in
//   place; once Material has marked the words, the address loses ?h= too;
// - a figure is marked whole: Material marks each part of it (?h=1,162 marked every "1").
(function () {
  var params = new URLSearchParams(location.search);
  var h = params.get("h");
  var content = document.querySelector(".md-content");
  if (h === null || !content) return;
  params.delete("h");
  var rest = params.toString() ? "?" + params.toString() : "";
  var clean = location.pathname + rest;
  content.querySelectorAll("a.para-link[href^='#'], a.headerlink[href^='#']").forEach(function (link) {
    link.setAttribute("href", clean + link.getAttribute("href"));
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    // The page itself without ?h=: made the address first, the link is followed in place.
    if (link && link.pathname === location.pathname && link.search === rest && location.search !== rest) {
      history.replaceState(history.state, "", clean + location.hash);
    }
  }, true);
  var figure = h.replace(/[,\s]/g, "").replace(/%$/, "");
  var whole = /^\d+(\.\d+)?$/.test(figure) && /\d[,.]\d/.test(h);
  // The figure as any text writes it: 1162, 1,162.
  var digits = figure.split("").map(function (c) { return c === "." ? "\\." : c; }).join(",?");
  var pattern = new RegExp("(^|[^\\d.,])(" + digits + ")(?![\\d]|[.,]\\d)", "g");
  // Material may have marked the page before this script came (edition.js loads it), or after.
  var observer = new MutationObserver(remark);
  observer.observe(content, { childList: true, subtree: true });
  remark();

  function remark() {
    var marks = content.querySelectorAll("mark[data-md-highlight]");
    if (!marks.length) return;
    observer.disconnect();
    history.replaceState(history.state, "", clean + location.hash);
    if (!whole) return;
    marks.forEach(function (mark) { mark.replaceWith(document.createTextNode(mark.textContent)); });
    content.normalize();
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT), nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.search(pattern) >= 0) nodes.push(node);
    nodes.forEach(function (node) {
      // split() with two groups: text, before, figure, text, before, figure, …, text
      var parts = node.data.split(pattern), out = document.createDocumentFragment();
      for (var i = 0; i < parts.length; i += 3) {
        out.append(parts[i] + (parts[i + 1] || ""));
        if (parts[i + 2]) {
          var mark = document.createElement("mark");
          mark.setAttribute("data-md-highlight", "");
          mark.textContent = parts[i + 2];
          out.append(mark);
        }
      }
      node.replaceWith(out);
    });
  }
})();
