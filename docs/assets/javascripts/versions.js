// An earlier release of the edition, in place: a page opened from a citation of a release
// (?v=2026.12.06; edition.js loads this script only then) shows, before each of its blocks
// whose wording in this language has changed since that release, a notice, the block as it
// read in the release and a word-by-word comparison with today's. An unchanged block shows
// nothing. The comparisons are written at build time, one file per release and language
// (releases/VERSION.json beside the report's pages: edition/generators/releases.py), so
// nothing is compared here, and the service worker keeps them for offline reading.
(function () {
  var page = window.EditionCite && window.EditionCite.page;
  var cited = /[?&]v=([\w.-]+)/.exec(location.search);
  if (!page || !cited) return;
  var version = cited[1], zh = page.lang === "zh";
  var content = document.querySelector(".md-content .md-typeset");
  var WORDS = zh ? {
    changed: "本段自 {v} 版以来有改动。",
    added: "本段为 {v} 版之后新增。",
    then: "{v} 版原文：",
    compare: "与现行文字对照（删除的文字加删除线，新增的文字加下划线）：",
    unknown: "未找到 {v} 版：本页为现行文字（{c} 版）。",
    failed: "未能加载 {v} 版的文字（可能已离线）：本页为现行文字。"
  } : {
    changed: "This paragraph has changed since version {v}.",
    added: "This paragraph was added after version {v}.",
    then: "As it read in version {v}:",
    compare: "Compared with today's text (deleted words struck through, added words underlined):",
    unknown: "No version {v} of this edition is known: this page shows the current text (version {c}).",
    failed: "The text of version {v} could not be loaded (you may be offline): this page shows the current text."
  };

  // Styled here, not in edition.css: no page but these carries a byte of it. The margin
  // keeps the cited block's notice below the fixed header when brought into view.
  var BOX = "margin:1em 0;padding:.2em .8em;border-left:.2rem solid var(--md-accent-fg-color);" +
    "background:var(--md-code-bg-color);scroll-margin-top:4rem";

  function say(key) {
    return WORDS[key].split("{v}").join(version).split("{c}").join(page.release || "");
  }

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  // A notice for the whole page (an unknown release, or none loaded), under its title.
  function pageNotice(key) {
    var box = document.createElement("aside");
    box.className = "earlier-version earlier-version--page";
    box.style.cssText = BOX;
    box.setAttribute("role", "note");
    box.appendChild(paragraph("earlier-version__notice", say(key)));
    var title = content && content.querySelector("h1");
    if (title) title.after(box);
    document.documentElement.setAttribute("data-earlier-version", "none");
  }

  function show(data) {
    var shown = 0;
    Object.keys(data.blocks).forEach(function (id) {
      var block = document.getElementById(id), entry = data.blocks[id];
      // Paragraphs, headings and list items of the text; a table row has no room before it.
      if (!block || !content || !content.contains(block) || block.closest("table")) return;
      var box = document.createElement("aside");
      box.className = "earlier-version";
      box.style.cssText = BOX;
      box.setAttribute("role", "note");
      box.setAttribute("data-block", id);
      box.appendChild(paragraph("earlier-version__notice", say(entry.old ? "changed" : "added")));
      if (entry.old) {
        box.appendChild(paragraph("earlier-version__label", say("then")));
        var old = document.createElement("blockquote");
        old.className = "earlier-version__text";
        old.textContent = entry.old;
        box.appendChild(old);
      }
      box.appendChild(paragraph("earlier-version__label", say("compare")));
      var diff = document.createElement("p");
      diff.className = "release-diff";
      diff.innerHTML = entry.diff; // escaped at build time: only <del> and <ins> are markup
      box.appendChild(diff);
      if (block.tagName === "LI") block.prepend(box); else block.before(box);
      shown += 1;
    });
    document.documentElement.setAttribute("data-earlier-version", String(shown));
    // The cited block's notice is what the reader came for: bring it, not the block, into view.
    var id = decodeURIComponent(location.hash.slice(1));
    var notice = id && document.querySelector('.earlier-version[data-block="' + id.replace(/"/g, "") + '"]');
    if (notice) notice.scrollIntoView();
  }

  fetch(new URL("releases/" + version + ".json", new URL(page.cite, location.href))).then(function (response) {
    if (response.status === 404) return pageNotice("unknown");
    if (!response.ok) throw new Error(response.url + ": " + response.status);
    return response.json().then(show);
  }).catch(function () { pageNotice("failed"); });
})();
