// The language switch leads to the same place in the other language: the block the reader
// last clicked, linked to or cited while it is still on screen, or else the block that
// fills most of the window (not the one at its top edge, which is often only a last line).
// Ids are shared by both languages, so the anchor exists on the other side. The notice's
// "Chinese original" link does the same.
(function () {
  var BLOCKS = ".md-content :is(p, h1, h2, h3, h4, h5, h6, tr, li, .parallel-row)[id]";
  var chosen = null;

  function block(element) {
    var found = element && element.closest && element.closest(BLOCKS);
    // Footnotes exist in one language only: their ids have no counterpart.
    return found && !/^fn/.test(found.id) ? found : null;
  }

  function header() { // px hidden under Material's sticky header
    var bar = document.querySelector(".md-header");
    return bar ? bar.getBoundingClientRect().bottom : 0;
  }

  function shown(element) {
    var box = element.getBoundingClientRect();
    return Math.max(0, Math.min(box.bottom, window.innerHeight) - Math.max(box.top, header()));
  }

  function currentAnchor() {
    if (chosen && document.contains(chosen) && (shown(chosen) > 0 || window.scrollY <= 0)) {
      // In view, or the reader went back up to the header or the notice to switch.
      return "#" + chosen.id;
    }
    if (window.scrollY <= 0) return ""; // at the top: the page itself
    // The first block that is (nearly) whole in view or fills half the window; failing
    // that, the one that fills most of it. A block cut off at the top edge is passed over.
    var blocks = document.querySelectorAll(BLOCKS), best = null, most = 0;
    for (var i = 0; i < blocks.length; i++) {
      if (/^fn/.test(blocks[i].id)) continue;
      var height = shown(blocks[i]);
      if (height > 0 && (height >= 0.9 * blocks[i].getBoundingClientRect().height || height >= (window.innerHeight - header()) / 2)) {
        return "#" + blocks[i].id;
      }
      if (height > most) { best = blocks[i]; most = height; }
    }
    // Among the translator's notes (English only, ids fn:<paragraph>-<letter>): their paragraph.
    return best ? "#" + best.id : location.hash.replace(/^#fn:(.+)-[a-z]+$/, "#$1");
  }

  function remember() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (block(target)) chosen = block(target);
  }
  remember();
  window.addEventListener("hashchange", remember);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang], .translation-notice a[hreflang]");
    if (!link) {
      if (block(event.target)) chosen = block(event.target);
      return;
    }
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + currentAnchor());
  }, true);
})();

// "Cite": the report, a part or a paragraph in every form a researcher takes away (the
// house style, GB/T 7714, BibTeX, RIS, CSL-JSON), in a dialog with copy and download
// buttons. The forms are written once, at build time (scripts/edition/generators/citation.py),
// into cite.json beside the report's pages, which is fetched the first time a reader asks;
// here only the paragraph's id and the day of access are filled in. The page's own
// details (its unit, address, version) are the #edition-citation data of each report page.
(function () {
  var element = document.getElementById("edition-citation");
  var page = element ? JSON.parse(element.textContent) : null;
  var zh = page && page.lang === "zh";
  var loading = null;

  // cite.json, fetched once (again after a failure: the reader may have been offline).
  function citations() {
    if (!loading) {
      loading = fetch(new URL(page.cite, location.href)).then(function (response) {
        if (!response.ok) throw new Error(response.url + ": " + response.status);
        return response.json();
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // A form as the build wrote it, with the paragraph's id and the reader's day (local time).
  function fill(text, paragraph, day) {
    var y = day.getFullYear(), m = day.getMonth() + 1, d = day.getDate();
    var iso = y + "-" + pad(m) + "-" + pad(d);
    return text.split("{paragraph}").join(paragraph || "")
      .split("{accessed-parts}").join("[[" + y + ", " + m + ", " + d + "]]")
      .split("{accessed-zh}").join(y + "年" + m + "月" + d + "日")
      .split("{accessed-ris}").join(iso.replace(/-/g, "/"))
      .split("{accessed}").join(iso);
  }

  // What `button` cites: {unit, paragraph, entry} once cite.json is in. A side-by-side row's
  // button names its paragraph's own page (data-cite-unit); others cite this page's unit.
  function cited(button) {
    var paragraph = (button && button.getAttribute("data-cite")) || "";
    var unit = button && button.hasAttribute("data-cite-unit") ? button.getAttribute("data-cite-unit") : page.unit;
    return citations().then(function (data) {
      var entry = data.pages[unit][paragraph ? "paragraph" : "page"];
      return {
        unit: unit,
        paragraph: paragraph,
        url: fill(entry.url, paragraph, new Date()),
        version: entry.version,
        sources: data.pages[unit].sources,
        forms: entry.forms.map(function (form) { return [form[0], form[1], fill(form[2], paragraph, new Date())]; })
      };
    });
  }
  window.EditionCite = { page: page, cited: cited };

  function dialogFor(label) {
    var dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-label", label);
    var heading = document.createElement("h2");
    heading.textContent = label;
    // Close at the top, and kept there as the dialog scrolls (on a phone it is taller than
    // the screen); a tap outside the dialog or Escape closes it too.
    var head = document.createElement("div");
    head.className = "cite-head";
    head.append(heading, closeButton(dialog));
    dialog.appendChild(head);
    dialog.addEventListener("click", function (event) {
      var box = dialog.getBoundingClientRect();
      if (event.target === dialog && (event.clientY < box.top || event.clientY > box.bottom || event.clientX < box.left || event.clientX > box.right)) dialog.close();
    });
    return dialog;
  }

  function closeButton(dialog) {
    var close = document.createElement("button");
    close.type = "button";
    close.className = "md-button md-button--primary cite-close";
    close.textContent = zh ? "关闭" : "Close";
    close.addEventListener("click", function () { dialog.close(); });
    return close;
  }

  function show(dialog) {
    dialog.addEventListener("close", function () {
      dialog.querySelectorAll("a[download]").forEach(function (link) { URL.revokeObjectURL(link.href); });
      dialog.remove();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  // What was asked for could not be fetched (offline, most likely): the dialog says so.
  function failed(label) {
    var dialog = dialogFor(label);
    var message = document.createElement("p");
    message.className = "cite-error";
    message.textContent = zh ? "数据未能加载（可能已离线），请联网后再试。" : "The data could not be loaded (you may be offline): try again when online.";
    dialog.appendChild(message);
    show(dialog);
  }
  window.EditionDialog = { create: dialogFor, show: show, failed: failed };

  // A copy button, and for a file format a download of that one entry.
  function tools(text, ext, name) {
    var box = document.createElement("p");
    box.className = "cite-tools";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "md-button cite-copy";
    copy.textContent = zh ? "复制" : "Copy";
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(text).then(function () { copy.textContent = zh ? "已复制" : "Copied"; });
    });
    box.appendChild(copy);
    if (ext) {
      var file = document.createElement("a");
      file.className = "md-button cite-download";
      file.download = name + "." + ext;
      file.href = URL.createObjectURL(new Blob([text], { type: ext === "json" ? "application/json" : "text/plain" }));
      file.textContent = (zh ? "下载 ." : "Download .") + ext;
      box.appendChild(file);
    }
    return box;
  }

  function heading(paragraph, unit) {
    if (paragraph) return (zh ? "引用段落 " : "Cite paragraph ") + paragraph;
    if (unit) return zh ? "引用本部分" : "Cite this part";
    return zh ? "引用本报告" : "Cite this report";
  }

  function open(button) {
    cited(button).then(function (c) {
      var dialog = dialogFor(heading(c.paragraph, c.unit));
      var name = [page.slug, c.paragraph || c.unit, page.lang].filter(Boolean).join("-");
      c.forms.forEach(function (form) {
        var label = document.createElement("h3");
        label.textContent = form[0];
        var pre = document.createElement("pre");
        pre.className = "cite-text";
        pre.textContent = form[2];
        dialog.append(label, pre, tools(form[2], form[1], name));
      });
      if (window.EditionDesk && c.paragraph) dialog.appendChild(window.EditionDesk.reportButton(button, dialog));
      show(dialog);
    }, function () {
      failed(heading(button.getAttribute("data-cite"), page.unit));
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-cite]");
    if (button) open(button);
  });

})();

// Material's search overlay has role="dialog" but no name; screen readers announce it by
// the name of its search field ("搜索" / "Search"). Material renders it once per page load
// (no instant navigation here), so setting it once is enough.
(function () {
  var dialog = document.querySelector(".md-search[role='dialog']");
  var field = document.querySelector(".md-search__input");
  if (dialog && field && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();

// ---- Term hints (formerly hints.js) ----

// Term hints. A marked term is a link to its glossary entry (a.gloss, written by
// scripts/edition/passes/hints.py); its explanation lives in the glossary's hints.json beside the
// glossary page, fetched the first time a reader asks for a hint and cached by the browser
// for every other page (all pages of a report name the same URL).
// A hint opens on hover, keyboard focus and tap, is announced as the term's description
// (aria-describedby → one role="tooltip" element), and closes with Escape. On touch, the
// first tap shows the hint and a second tap follows the link.
// A switch ("Term hints: on/off", 术语提示：开/关) shows or hides the marks; the choice is
// remembered (localStorage) and applies at once, without a reload.
(function () {
  var marks = document.querySelectorAll(".md-content a.gloss");
  if (!marks.length) return;
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var KEY = "edition-term-hints";
  var WORDS = zh
    ? { on: "：开", off: "：关", failed: "术语提示未能加载（可能已离线）。" }
    : { on: ": on", off: ": off", failed: "The term hint could not be loaded (you may be offline)." };
  var loaded = {}; // definitions URL → promise of its JSON
  var tip = null; // the one tooltip element
  var current = null; // the mark whose hint is open
  var touched = false; // the last pointer down was a touch

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function definitions(mark) {
    // One file per report and language, beside the glossary's first page: a mark may lead to
    // a later page (glossary-2/), a sibling of it.
    var url = new URL("../glossary/hints.json", new URL(mark.getAttribute("href"), location.href)).href;
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }
    return loaded[url];
  }

  function tooltip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "term-hint";
    tip.className = "term-hint";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    // The pointer may move from the term onto its hint (WCAG 1.4.13: hoverable).
    tip.addEventListener("pointerleave", function (event) {
      if (current && !current.contains(event.relatedTarget)) hide();
    });
    // Inside the main landmark, so that all content is in a landmark (axe: region).
    (document.querySelector("main") || document.body).appendChild(tip);
    return tip;
  }

  // The hint of a mark: its entry (term, pinyin, note), or a sentence saying why there is none.
  function reveal(mark, entry) {
    fill(entry);
    mark.setAttribute("aria-describedby", "term-hint");
    tip.hidden = false;
    place(mark);
  }

  function fill(entry) {
    var box = tooltip();
    box.textContent = "";
    if (typeof entry === "string") return box.append(entry);
    var term = document.createElement("span");
    term.className = "term-hint__term";
    term.lang = zh ? "en" : "zh-Hans";
    term.textContent = entry[0];
    var pinyin = document.createElement("i");
    pinyin.textContent = entry[1];
    var note = document.createElement("span");
    note.className = "term-hint__note";
    note.textContent = entry[2];
    box.append(term, " · ", pinyin, note);
  }

  function place(mark) {
    var box = tooltip();
    var rect = mark.getClientRects()[0] || mark.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    // Coordinates relative to the box's containing block, whichever element that is.
    var origin = box.offsetParent ? box.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    box.style.left = left - origin.left + "px";
    box.style.top = rect.bottom - origin.top + "px";
  }

  function show(mark) {
    var id = mark.hash.replace(/^#term-/, "");
    current = mark;
    definitions(mark).then(function (all) {
      if (current === mark && all[id]) reveal(mark, all[id]);
    }).catch(function (error) {
      // Offline, before the report was kept for offline reading: the hint says so, and is
      // asked for again next time (a failed load is not remembered).
      console.warn("term hints:", error.message);
      loaded = {};
      if (current === mark) reveal(mark, WORDS.failed);
    });
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (tip) tip.hidden = true;
  }

  function mark(target) {
    return target && target.closest ? target.closest(".md-content a.gloss") : null;
  }

  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType === "touch";
    if (current && !mark(event.target) && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("pointerover", function (event) {
    var found = mark(event.target);
    if (found && event.pointerType === "mouse" && found !== current) show(found);
  });
  document.addEventListener("pointerout", function (event) {
    var found = mark(event.target);
    if (found && event.pointerType === "mouse" && found === current && document.activeElement !== found &&
        !found.contains(event.relatedTarget) && !(tip && tip.contains(event.relatedTarget))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var found = mark(event.target);
    if (found && !touched) show(found);
  });
  document.addEventListener("focusout", function (event) {
    if (mark(event.target) === current && !touched) hide();
  });
  document.addEventListener("click", function (event) {
    var found = mark(event.target);
    if (!found || !touched) return;
    if (found !== current || !tip || tip.hidden) {
      event.preventDefault(); // the first tap explains; the second follows the link
      show(found);
    }
  });
  document.addEventListener("keydown", function (event) {
    touched = false;
    if (event.key === "Escape" && current) hide();
  });

  // The switch: marks on (links with hints) or off (each link swapped for a plain span of
  // the same text: no link, no tab stop, nothing a crawler or screen reader takes for one).
  var plain = [];
  for (var i = 0; i < marks.length; i++) {
    var span = document.createElement("span");
    span.className = "gloss-off";
    plain.push(span);
  }

  function apply(on) {
    for (var i = 0; i < marks.length; i++) {
      var link = marks[i], span = plain[i];
      if (on && span.parentNode) {
        while (span.firstChild) link.appendChild(span.firstChild);
        span.replaceWith(link);
      } else if (!on && link.parentNode) {
        while (link.firstChild) span.appendChild(link.firstChild);
        link.replaceWith(span);
      }
    }
    if (!on) hide();
    if (button) button.setAttribute("aria-checked", on ? "true" : "false");
    state.textContent = on ? WORDS.on : WORDS.off;
  }

  // The switch is in the page already, in its place (edition/passes/page_html.py, page_tools).
  var button = document.querySelector(".md-content .page-tools .hints-switch");
  var state = button ? button.querySelector("span") : document.createElement("span");
  if (button) button.setAttribute("role", "switch");
  if (button) button.addEventListener("click", function () {
    var on = button.getAttribute("aria-checked") !== "true";
    try { localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode: for this page only */ }
    apply(on);
  });
  // Default: on in English (the marks are the edition's own renderings, which an English
  // reader cannot tell from the text), off in Chinese (the original as published; its hints
  // give our English, for translators, who can switch them on). See README, Term hints.
  var choice = stored();
  apply(choice ? choice === "on" : !zh);
})();

// ---- The researcher's desk (formerly desk.js) ----

// The researcher's desk: clean copying and "report an error" (the report itself is in
// report.js, the key figures' sorting in sortable.js, each loaded when needed).
// No inline code: the page's details come from the #edition-citation JSON data script.
(function () {
  // Furniture of the page that is not the report's text: paragraph links (¶ ⇄ Cite,
  // report), heading permalinks, glossary tooltips, the side-by-side ids and notes.
  var FURNITURE = ".para-links, .headerlink, .gloss-tip, [role='tooltip'], .parallel-source, .parallel-lang, .parallel-tools, .parallel-notes";

  // Footnote calls become [1]; furniture goes. Works on a copy, never on the page.
  function clean(box) {
    box.querySelectorAll(FURNITURE).forEach(function (element) { element.remove(); });
    box.querySelectorAll("sup[id^='fnref']").forEach(function (sup) {
      sup.replaceWith("[" + sup.textContent.trim() + "]");
    });
    return box;
  }

  // The text as a reader sees it (paragraph breaks kept): innerText needs a rendered
  // element, so the copy is laid out off screen for a moment.
  function textOf(box) {
    box.style.cssText = "position:fixed;left:-10000px;top:0;width:40em;white-space:normal";
    document.body.appendChild(box);
    var text = box.innerText;
    box.remove();
    return text.replace(/\n{3,}/g, "\n\n").trim();
  }

  function paragraphText(element) {
    return textOf(clean(element.cloneNode(true)));
  }

  // Copying report text gives the text alone: without this, "…level.¶⇄Cite", bare
  // footnote numbers ("environment.2") and the editor's marks ("99%〔。〕") come along.
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    var content = document.querySelector(".md-content");
    var range = selection.getRangeAt(0);
    if (!content || !content.contains(range.commonAncestorContainer)) return;
    var box = document.createElement("div");
    box.appendChild(range.cloneContents());
    if (!box.querySelector(FURNITURE + ", sup[id^='fnref'], a.restoration")) return; // nothing to clean
    // The editor's restorations 〔…〕 are not the published text: a copy gives the text as
    // the government published it (each restoration is explained on the editorial notes).
    box.querySelectorAll("a.restoration").forEach(function (mark) { mark.remove(); });
    clean(box);
    event.clipboardData.setData("text/html", box.innerHTML);
    event.clipboardData.setData("text/plain", textOf(box));
    event.preventDefault();
  });

  var page = window.EditionCite && window.EditionCite.page;
  if (!page) return;
  var zh = page.lang === "zh";
  // The report dialog's code (report.js, beside this file), fetched the first time a
  // reader reports: every page's first view is lighter by it.
  var here = document.currentScript && document.currentScript.src;
  var loading = null;

  function openReport(button) {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("report.js", here || location.href).href;
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(); };
        document.head.appendChild(script);
      });
    }
    loading.then(function () { window.EditionReport(button); }, function () { window.EditionDialog.failed(zh ? "纠错" : "Report an error"); });
  }

  // The Cite dialog's way to the report of its paragraph.
  function reportButton(citing, citeDialog) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-report-error";
    button.textContent = zh ? "纠错：报告本段错误" : "Report an error in this paragraph";
    button.addEventListener("click", function () {
      citeDialog.close();
      openReport(citing);
    });
    return button;
  }
  window.EditionDesk = { reportButton: reportButton, openReport: openReport, paragraphText: paragraphText };

  // Every paragraph gets a "Report an error" link beside ¶ ⇄ Cite (and each side-by-side
  // row beside its Cite). It is made here, not in the HTML, to keep each page light. It
  // leads to the repository's issues, and opens the report dialog when followed here.
  document.querySelectorAll(".md-content p[id^='p-'] > .para-links, .parallel-row[id] .parallel-tools").forEach(function (links) {
    var paragraph = links.closest("[id]").id;
    var a = document.createElement("a");
    a.className = "para-link para-report";
    a.href = page.repository ? page.repository + "/issues/new" : "#" + paragraph;
    a.setAttribute("aria-haspopup", "dialog");
    a.textContent = zh ? "纠错" : "Report an error";
    // The name starts with the visible words, as speech input and WCAG 2.5.3 expect.
    a.setAttribute("aria-label", zh ? "纠错 " + paragraph + "（报告本段错误）" : "Report an error in " + paragraph);
    links.appendChild(a);
  });
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a.para-report");
    if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    event.preventDefault();
    openReport(a.closest("[id]").querySelector("button[data-cite]") || a);
  });
})();

// ---- Search ----

// The search's own code (assets/javascripts/search.js: the results opening their paragraph,
// the this-report / all-reports choice, what the results mean, a page opened from a result)
// comes when the reader opens the search, or at once on a page opened from a search result
// (?h=): most readers never search, and a first view on a phone carries none of it.
// What must not wait for it is here: a query pasted, dictated or committed by an input
// method without a key press is passed on as the keyup Material listens for (alone, it
// left a phone's Paste at "Type to start searching"), and each answer is stamped.
(function () {
  var field = document.querySelector("input.md-search__input");
  var script = document.currentScript;
  if (!field || !script) return;
  var src = new URL("search.js", script.src).href, loading = false, failed = "";
  var result = document.querySelector(".md-search-result");
  var meta = document.querySelector(".md-search-result__meta");
  var english = document.documentElement.lang.indexOf("en") === 0;
  // Offline before the report was kept: no results can come, and none is not the answer.
  // Said whichever comes first, the failed script or Material's "no results".
  function sayFailed() {
    if (failed && meta && field.value && meta.textContent !== failed) meta.textContent = failed;
  }
  function load() {
    if (loading) return;
    loading = true;
    var element = document.createElement("script");
    element.src = src;
    element.onerror = function () {
      failed = english ? "The search index could not be loaded (you may be offline)." : "搜索索引未能加载（可能已离线）。";
      if (result && result.dataset.answered === field.value) sayFailed();
    };
    document.body.appendChild(element);
  }
  field.addEventListener("input", function (event) {
    if (!event.isComposing) field.dispatchEvent(new KeyboardEvent("keyup"));
  });
  // Which query the results shown answer: Material rewrites the count after it has
  // rendered a result (tests and the benchmark wait for it; no fixed delay).
  if (result && meta) {
    new MutationObserver(function () {
      result.dataset.answered = field.value;
      sayFailed();
    }).observe(meta, { childList: true, characterData: true, subtree: true });
    // Material may have answered the empty field before this script arrived (its search
    // worker was ready first): the observer missed that rewrite, so it is stamped here.
    var config = document.getElementById("__config");
    var translations = config && JSON.parse(config.textContent).translations;
    if (translations && meta.textContent === translations["search.result.placeholder"]) result.dataset.answered = field.value;
  }
  field.addEventListener("focus", load);
  var toggle = document.getElementById("__search");
  if (toggle) toggle.addEventListener("change", load);
  if (/[?&]h=/.test(location.search)) load();
})();

// Offline reading: once the page has loaded (never before: a reader on a slow connection
// waits for nothing of it), register the edition's service worker, sw.js at the root of the
// language's site (beside this script's assets/ folder), and ask it to keep the page's
// report in this language for offline reading (edition/passes/offline.py says what a
// report's copy holds; offline_worker.js, how it is kept and replaced by a new build).
(function () {
  var script = document.currentScript, workers = navigator.serviceWorker;
  if (!workers || !script) return;
  window.addEventListener("load", function () {
    workers.register(new URL("../../sw.js", script.src)).then(function () {
      return workers.ready;
    }).then(function (registration) {
      (workers.controller || registration.active).postMessage({ type: "keep" });
    }).catch(function (error) {
      console.warn("offline copy:", error.message);
    });
  });
})();

// ---- An earlier release (versions.js, loaded on demand) ----

// A citation's address names the edition release it was copied from (?v=2026.12.06). When
// that is not the release this page is of (or the page has changed since it), versions.js
// shows each changed paragraph as it read then, beside today's wording; no other page loads it.
(function () {
  var script = document.currentScript, page = window.EditionCite && window.EditionCite.page;
  var cited = /[?&]v=([\w.-]+)/.exec(location.search);
  if (script && page && page.release && cited && (cited[1] !== page.release || page.corrected)) {
    document.head.appendChild(document.createElement("script")).src = new URL("versions.js", script.src).href;
  }
})();

// ---- Sentence by sentence (sentences.js, loaded on demand) ----

// Only a loader here, kept small (every page carries it): sentences.js does the work, with
// its data, when a reader asks. The side-by-side view pairs sentences on the first pointing
// at, focus in or tap on its rows; a reading page has a switch ("Chinese by sentence",
// 逐句英文; styled as the term hints' switch), off by default (a button after every sentence
// is noise to whoever does not want it) and remembered like the term hints, that puts a
// button after each sentence showing the other language's sentence.
(function () {
  var script = document.currentScript, table = document.querySelector(".md-content .parallel");
  if (!script || !(table || document.querySelector(".md-content p[id^='p-'] > .para-links"))) return;
  function load(then) {
    if (window.EditionSentences) return then(window.EditionSentences);
    var element = document.createElement("script");
    element.src = new URL("sentences.js", script.src).href;
    element.addEventListener("load", function () { then(window.EditionSentences); });
    document.head.appendChild(element);
  }
  var events = ["pointerover", "focusin", "touchstart"];
  function start(event) {
    events.forEach(function (name) { table.removeEventListener(name, start); });
    load(function (sentences) { sentences.pairParallel(event); });
  }
  if (table) return events.forEach(function (name) { table.addEventListener(name, start, { passive: true }); });
  // The switch is in the page already, in its place (edition/passes/page_html.py, page_tools).
  var button = document.querySelector(".md-content .page-tools .sentences-switch");
  if (!button) return;
  var zh = document.documentElement.lang.indexOf("zh") === 0, on = false;
  var state = button.querySelector("span");
  button.setAttribute("role", "switch");
  function apply() {
    button.setAttribute("aria-checked", on);
    state.textContent = zh ? (on ? "：开" : "：关") : (on ? ": on" : ": off");
    // The state when the script arrives: the reader may have switched again meanwhile.
    if (on || window.EditionSentences) load(function (sentences) { sentences.showReading(on); });
  }
  button.addEventListener("click", function () {
    on = !on;
    try { localStorage.setItem("edition-sentences", on ? "on" : "off"); } catch (e) { /* private mode: this page only */ }
    apply();
  });
  try { on = localStorage.getItem("edition-sentences") === "on"; } catch (e) { /* storage off: off */ }
  apply();
})();
