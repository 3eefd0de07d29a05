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
    return best ? "#" + best.id : location.hash;
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

// "Cite": a formatted citation of the report or of one paragraph, with BibTeX and
// CSL-JSON, in a dialog with copy buttons. The report's details come from report.yml
// (the #edition-citation data the build writes into each report page).
(function () {
  var MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function data() {
    var element = document.getElementById("edition-citation");
    var d = element ? JSON.parse(element.textContent) : null;
    if (d && citedVersion) {
      var version = citedVersion.split(" ");
      d.version = version.length > 1 ? version[0] : "";
      d.version_date = version[version.length - 1] || d.version_date;
    }
    return d;
  }

  var citedPage = null; // the side-by-side view cites each row's paragraph on its own page
  var citedVersion = ""; // ... in that page's version: "hash date"

  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var here = (canonical ? canonical.href : location.href).split("#")[0];
    return citedPage ? new URL(citedPage, here).href.split("#")[0] : here;
  }

  function parts(iso) {
    var p = iso.split("-").map(Number);
    return { y: p[0], m: p[1], d: p[2] };
  }

  function citations(d, paragraph) {
    var zh = d.lang === "zh";
    var url = pageUrl() + (paragraph ? "#" + paragraph : "");
    var today = new Date().toISOString().slice(0, 10);
    var t = parts(today);
    var p = parts(d.published);
    // One key per language: a .bib citing both the Chinese and the English of a paragraph
    // must not hold two entries with one key.
    var key = d.slug.replace(/-/g, "") + (paragraph ? ":" + paragraph : "") + ":" + (zh ? "zh" : "en");
    var title = zh ? d.title_zh : d.title_en;
    // The version is the page's last commit (scripts/edition/citation.py): its date, and
    // its short hash where the site was built from a git checkout.
    var v = parts(d.version_date);
    var version = d.version_date + (d.version ? " (" + d.version + ")" : "");
    var versionZh = v.y + "年" + v.m + "月" + v.d + "日版" + (d.version ? "（" + d.version + "）" : "");
    var formatted = zh
      ? d.issuer_zh + "：《" + d.title_zh + "》，" + p.y + "年" + p.m + "月" + p.d + "日" + (paragraph ? "，段落" + paragraph : "") + "。载" + d.edition_zh + "，" + versionZh + "，" + url + "（" + t.y + "年" + t.m + "月" + t.d + "日访问）。"
      : d.issuer_en + ". " + p.y + ". \u201c" + d.title_en + "\u201d [" + d.title_zh + "]" + (paragraph ? ", para. " + paragraph : "") + ". Published " + p.d + " " + MONTH_NAMES[p.m - 1] + " " + p.y + ". Unofficial English translation (" + d.translation_licence + "; the Chinese original prevails), " + d.edition_en + ", version " + version + ". " + url + " (accessed " + today + ").";
    var note = (paragraph ? (zh ? "段落" + paragraph + "。" : "Paragraph " + paragraph + ". ") : "") + (zh ? "中文原文，" + versionZh + "。" : "Unofficial English translation (" + d.translation_licence + "), version " + version + "; the Chinese original prevails.");
    var bibtex = "@misc{" + key + ",\n" +
      "  author = {{" + (zh ? d.issuer_zh : d.issuer_en) + "}},\n" +
      "  title = {" + title + "},\n" +
      "  year = {" + p.y + "},\n" +
      "  month = " + MONTHS[p.m - 1] + ",\n" +
      "  howpublished = {" + (zh ? d.edition_zh : d.edition_en) + "},\n" +
      "  version = {" + version + "},\n" +
      "  note = {" + note + "},\n" +
      "  url = {" + url + "},\n" +
      "  urldate = {" + today + "},\n" +
      "  language = {" + (zh ? "chinese" : "english") + "}\n}";
    var csl = [{
      id: key,
      type: "report",
      title: title,
      author: [{ literal: zh ? d.issuer_zh : d.issuer_en }],
      publisher: zh ? d.issuer_zh : d.issuer_en,
      issued: { "date-parts": [[p.y, p.m, p.d]] },
      accessed: { "date-parts": [[t.y, t.m, t.d]] },
      language: zh ? "zh-CN" : "en",
      URL: url,
      "container-title": zh ? d.edition_zh : d.edition_en,
      version: version,
      note: note
    }];
    if (paragraph) csl[0].locator = paragraph;
    if (!zh) csl[0]["original-title"] = d.title_zh;
    return [
      [zh ? "引用格式" : "Citation", formatted],
      ["BibTeX", bibtex],
      ["CSL-JSON", JSON.stringify(csl, null, 2)]
    ];
  }

  function open(paragraph) {
    var d = data();
    if (!d) return;
    var zh = d.lang === "zh";
    var dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-label", zh ? "引用" : "Cite");
    var heading = document.createElement("h2");
    heading.textContent = (zh ? "引用" : "Cite ") + (paragraph ? (zh ? "段落 " + paragraph : "paragraph " + paragraph) : (zh ? "本报告" : "this report"));
    dialog.appendChild(heading);
    citations(d, paragraph).forEach(function (entry) {
      var label = document.createElement("h3");
      label.textContent = entry[0];
      var pre = document.createElement("pre");
      pre.className = "cite-text";
      pre.textContent = entry[1];
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "md-button cite-copy";
      copy.textContent = zh ? "复制" : "Copy";
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(entry[1]).then(function () {
          copy.textContent = zh ? "已复制" : "Copied";
        });
      });
      dialog.append(label, pre, copy);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "md-button md-button--primary cite-close";
    close.textContent = zh ? "关闭" : "Close";
    close.addEventListener("click", function () { dialog.close(); });
    if (window.EditionDesk && paragraph) {
      var report = window.EditionDesk.reportLink(paragraph, pageUrl() + "#" + paragraph);
      if (report) dialog.appendChild(report);
    }
    dialog.appendChild(close);
    dialog.addEventListener("close", function () { dialog.remove(); });
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-cite]");
    if (!button) return;
    citedPage = button.getAttribute("data-cite-page");
    citedVersion = (button.getAttribute("data-cite-version") || "").trim();
    open(button.getAttribute("data-cite") || null);
  });

  // The cover offers a citation of the whole report.
  var cover = document.querySelector(".md-content h1#cover");
  if (cover && data()) {
    var zh = data().lang === "zh";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button cite-report";
    button.setAttribute("data-cite", "");
    button.textContent = zh ? "引用本报告" : "Cite this report";
    cover.insertAdjacentElement("afterend", button);
  }
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
