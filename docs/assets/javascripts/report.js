// "Report an error" (纠错): the report of one paragraph, loaded by edition.js the first
// time a reader asks (so that no page pays for it at first view). The report names the
// paragraph, its published address (from site_url, whatever host it was read on), its
// version and source files, and quotes it in both languages from the aligned corpus
// (files/SLUG-aligned.jsonl); the reader copies it, opens it as a prefilled GitHub issue,
// or sends it by e-mail where mkdocs.yml names an address (extra.corrections_email).
(function () {
  var page = window.EditionCite.page;
  var zh = page.lang === "zh";
  // The longest address a prefilled report may have: GitHub refuses longer issue URLs
  // (414), and mail programs cut mailto: links past about 2,000 characters.
  var ISSUE_LIMIT = 8000, MAIL_LIMIT = 2000;
  var corpus = null;

  // Both languages of every paragraph: the aligned corpus (files/SLUG-aligned.jsonl), the
  // text as the edition publishes it, fetched once when a reader first reports.
  function texts() {
    if (!corpus) {
      corpus = fetch(new URL(page.corpus, location.href)).then(function (response) {
        if (!response.ok) throw new Error(response.url + ": " + response.status);
        return response.text();
      }).then(function (lines) {
        var byId = {};
        lines.split("\n").filter(Boolean).forEach(function (line) { var r = JSON.parse(line); byId[r.id] = r; });
        return byId;
      });
      corpus.catch(function () { corpus = null; });
    }
    return corpus;
  }

  function quote(text) {
    return text.split("\n").map(function (line) { return "> " + line; }).join("\n");
  }

  // The report of one paragraph: its id, published address, version and source files, and
  // its text in both languages, each cut to `limit` characters with a visible mark that
  // says where the whole paragraph is.
  function reportBody(c, record, limit) {
    function cut(text) {
      if (text.length <= limit) return text;
      return text.slice(0, limit) + (zh ? " ……〔以下从略，全文见 " + c.url + "〕" : " … [cut here: the whole paragraph is at " + c.url + "]");
    }
    return [
      "Paragraph: " + c.paragraph,
      "Page: " + c.url,
      "Read in: " + (zh ? "zh (Chinese original)" : "en (English translation)"),
      "Version: " + c.version,
      "Source files: " + c.sources.join(", "),
      "",
      "Chinese original (中文原文):",
      "",
      quote(cut(record.zh)),
      "",
      "English translation:",
      "",
      quote(cut(record.en)),
      "",
      zh ? "哪里有错？应当如何改？（What is wrong, and what should it read?）" : "What is wrong, and what should it read?",
      ""
    ].join("\n");
  }

  // The longest report whose address `make` keeps within `max` characters: the texts cut
  // shorter, a tenth at a time, until it fits.
  function fitting(c, record, make, max) {
    var limit = Math.max(record.zh.length, record.en.length);
    var address = make(reportBody(c, record, limit));
    while (address.length > max && limit > 40) {
      limit = Math.floor(limit * 0.9);
      address = make(reportBody(c, record, limit));
    }
    return address;
  }

  function title(c) {
    return (zh ? "纠错：" : "Correction: ") + c.paragraph + " (" + page.lang + ")";
  }

  function link(className, text, href) {
    var a = document.createElement("a");
    a.className = "md-button " + className;
    a.href = href;
    a.textContent = text;
    return a;
  }

  // The "Report an error" dialog of the paragraph `button` cites (a paragraph's own Report
  // link, a side-by-side row's, or the Cite dialog's): the report to copy, a prefilled
  // GitHub issue, and an e-mail where mkdocs.yml names an address (extra.corrections_email).
  function openReport(button) {
    Promise.all([window.EditionCite.cited(button), texts()]).then(function (found) {
      var c = found[0], record = found[1][c.paragraph];
      var D = window.EditionDialog;
      var dialog = D.create((zh ? "纠错：段落 " : "Report an error in paragraph ") + c.paragraph);
      dialog.classList.add("report-dialog");
      var intro = document.createElement("p");
      intro.textContent = zh ? "请在报告末尾说明哪里有错、应当如何改，然后提交或复制发送。" : "Say at its end what is wrong and what it should read, then send or copy it.";
      var full = reportBody(c, record, Infinity);
      var pre = document.createElement("pre");
      pre.className = "cite-text report-text";
      pre.textContent = full;
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "md-button cite-copy";
      copy.textContent = zh ? "复制报告" : "Copy the report";
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(title(c) + "\n\n" + full).then(function () { copy.textContent = zh ? "已复制" : "Copied"; });
      });
      var actions = document.createElement("p");
      actions.className = "cite-tools";
      actions.appendChild(copy);
      if (page.repository) {
        var issue = link("report-issue", zh ? "在GitHub上提交" : "Open a GitHub issue", fitting(c, record, function (body) {
          return page.repository + "/issues/new?title=" + encodeURIComponent(title(c)) + "&body=" + encodeURIComponent(body);
        }, ISSUE_LIMIT));
        issue.target = "_blank";
        issue.rel = "noopener";
        actions.appendChild(issue);
      }
      if (page.email) {
        actions.appendChild(link("report-mail", zh ? "发送电子邮件" : "Send by e-mail", fitting(c, record, function (body) {
          return "mailto:" + page.email + "?subject=" + encodeURIComponent(title(c)) + "&body=" + encodeURIComponent(body);
        }, MAIL_LIMIT)));
      }
      dialog.append(intro, pre, actions);
      D.show(dialog);
    }, function () {
      window.EditionDialog.failed(zh ? "纠错" : "Report an error");
    });
  }

  window.EditionReport = openReport;
})();
