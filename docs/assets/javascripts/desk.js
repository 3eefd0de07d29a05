// The researcher's desk: clean copying and "report an error" links (the key figures'
// sorting is in sortable.js, loaded by that page alone).
// No inline code: the page's details come from the #edition-citation JSON data script.
(function () {
  // Furniture of the page that is not the report's text: paragraph links (¶ ⇄ Cite,
  // report), heading permalinks, glossary tooltips, the side-by-side ids and notes.
  var FURNITURE = ".para-links, .headerlink, .gloss-tip, [role='tooltip'], .parallel-source, .parallel-lang, .parallel-tools, .parallel-notes";
  var QUOTE_LIMIT = 1000; // characters of the quoted paragraph in an issue (the URL stays short)

  function data() {
    var element = document.getElementById("edition-citation");
    return element ? JSON.parse(element.textContent) : null;
  }

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

  // Copying report text gives the text alone: without this, "…level.¶⇄Cite" and bare
  // footnote numbers ("environment.2") come along.
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    var content = document.querySelector(".md-content");
    var range = selection.getRangeAt(0);
    if (!content || !content.contains(range.commonAncestorContainer)) return;
    var box = document.createElement("div");
    box.appendChild(range.cloneContents());
    if (!box.querySelector(FURNITURE + ", sup[id^='fnref']")) return; // nothing to clean
    clean(box);
    event.clipboardData.setData("text/html", box.innerHTML);
    event.clipboardData.setData("text/plain", textOf(box));
    event.preventDefault();
  });

  // A prefilled GitHub issue for one paragraph: page, paragraph id, language, version and
  // the quoted text. The repository is named once, in mkdocs.yml (extra.repository).
  function issueUrl(paragraph, address) {
    var d = data();
    var element = document.getElementById(paragraph);
    if (!d || !d.repository || !element) return null;
    var zh = d.lang === "zh";
    var quote = paragraphText(element);
    if (quote.length > QUOTE_LIMIT) quote = quote.slice(0, QUOTE_LIMIT) + "…";
    var version = d.version_date + (d.version ? " (" + d.version + ")" : "");
    var title = (zh ? "纠错：" : "Correction: ") + paragraph + " (" + (zh ? "zh" : "en") + ")";
    var body = [
      "Page: " + (address || location.href.split("#")[0] + "#" + paragraph),
      "Paragraph: " + paragraph,
      "Language: " + (zh ? "zh (Chinese original)" : "en (English translation)"),
      "Source file: " + d.source,
      "Version: " + version,
      "",
      "Quoted text:",
      "",
      quote.split("\n").map(function (line) { return "> " + line; }).join("\n"),
      "",
      zh ? "哪里有错？应当如何改？（What is wrong, and what should it read?）" : "What is wrong, and what should it read?",
      ""
    ].join("\n");
    return d.repository + "/issues/new?title=" + encodeURIComponent(title) + "&body=" + encodeURIComponent(body);
  }

  function reportLink(paragraph, address) {
    var d = data();
    if (!d || !d.repository) return null;
    var zh = d.lang === "zh";
    var link = document.createElement("a");
    link.className = "cite-report-error";
    link.href = issueUrl(paragraph, address) || d.repository + "/issues/new";
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = zh ? "报告本段错误（GitHub）" : "Report an error in this paragraph (GitHub)";
    return link;
  }

  window.EditionDesk = { issueUrl: issueUrl, reportLink: reportLink, paragraphText: paragraphText };

  // Every paragraph gets a "report" link beside ¶ ⇄ Cite. It is made here, not in the
  // HTML, to keep each page light; its address is filled in when the reader reaches for
  // it (pointer, keyboard focus, click), so that it quotes the paragraph as shown.
  (function () {
    var d = data();
    if (!d || !d.repository) return;
    var zh = d.lang === "zh";
    document.querySelectorAll(".md-content p[id^='p-'] > .para-links").forEach(function (links) {
      var paragraph = links.parentElement.id;
      var link = document.createElement("a");
      link.className = "para-link para-report";
      link.href = d.repository + "/issues/new";
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = zh ? "纠错" : "Report";
      // The name starts with the visible word, as speech input and WCAG 2.5.3 expect.
      link.setAttribute("aria-label", zh ? "纠错 " + paragraph + "（报告本段错误）" : "Report an error in " + paragraph);
      link.title = zh ? "在GitHub上报告本段错误" : "Report an error in this paragraph on GitHub";
      links.appendChild(link);
    });
    function fill(event) {
      var link = event.target.closest && event.target.closest("a.para-report");
      if (!link) return;
      var paragraph = link.closest("p[id]").id;
      link.href = issueUrl(paragraph) || link.href;
    }
    ["pointerdown", "focusin", "click", "mouseover"].forEach(function (name) {
      document.addEventListener(name, fill, true);
    });
  })();
})();
