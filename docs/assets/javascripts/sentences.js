// Sentence by sentence (issue 28), loaded on demand by edition.js, never with a page:
// - the side-by-side view: pointing at, focusing or tapping a sentence highlights it and its
//   counterpart in the other column (a pair of one Chinese sentence and two English ones is
//   highlighted as such, and labelled 1∶2); each cell's first sentence is a tab stop, the
//   arrow keys move from sentence to sentence in a column, Enter goes to the counterpart, and
//   a screen reader hears the counterpart as the sentence's description;
// - a reading page with its switch on: a button after each sentence shows the other
//   language's sentence under it, and highlights the sentences of the pair.
// The sentences and pairs come from /SLUG/parallel/sentences/PAGE.json (written at build
// from reports/SLUG/sentences.yml by edition/generators/sentence_data.py); each sentence is
// found in the page's own text, so the page's HTML carries nothing for it.
(function () {
  "use strict";
  if (window.EditionSentences) return; // loaded twice (a reader switching fast): the first serves
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var here = document.currentScript;
  // What is not the text of a block: paragraph tools, permalinks, footnote marks, the
  // side-by-side furniture, and what this script adds.
  var SKIP = ".para-links, .headerlink, sup, .parallel-lang, .parallel-tools, .parallel-notes, .parallel-source, .sentence-ask, .sentence-original, .sentence-shape";
  var NAMES = zh ? { zh: "中文", en: "英文" } : { zh: "Chinese", en: "English" };
  var loaded = {}; // URL → promise of its JSON

  function stylesheet() {
    if (document.querySelector("link[data-sentences]")) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("../sentences.css", here.src).href;
    link.setAttribute("data-sentences", "");
    document.head.appendChild(link);
  }

  function fetchJson(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }
    return loaded[url];
  }

  // The report's folder in an address: /en/yushan-2023/part-1/ → ["en", "yushan-2023"], "part-1".
  function pageOf(url, slug) {
    var parts = new URL(url, location.href).pathname.split("/").filter(Boolean);
    var at = parts.lastIndexOf(slug);
    return parts[at + 1] || "index";
  }

  // ---- Finding sentences in the page's text ----

  // The block's characters other than white space, each with its text node and offset.
  function characters(block) {
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        return parent && parent !== block && parent.closest(SKIP) && block.contains(parent.closest(SKIP))
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var text = "", places = [], node;
    while ((node = walker.nextNode())) {
      for (var i = 0; i < node.data.length; i++) {
        if (!/\s/.test(node.data[i])) {
          text += node.data[i];
          places.push([node, i]);
        }
      }
    }
    return { text: text, places: places };
  }

  // A boundary at the very start (or end) of an element moves out of it, so that a sentence
  // that is a whole <strong> or ends inside a restoration link 〔。〕 wraps as one element.
  function outward(container, offset, block, atEnd) {
    while (container !== block) {
      var length = container.nodeType === 3 ? container.length : container.childNodes.length;
      if (atEnd ? offset !== length : offset !== 0) break;
      var parent = container.parentNode;
      offset = Array.prototype.indexOf.call(parent.childNodes, container) + (atEnd ? 1 : 0);
      container = parent;
    }
    return [container, offset];
  }

  function span(lang, number) {
    var element = document.createElement("span");
    element.className = "sentence";
    element.setAttribute("data-sentence", lang + number);
    return element;
  }

  // Wrap the text from place a to place b (inclusive) in spans: one span where the sentence
  // does not cut an element in two, else one per text node (the first is the sentence's).
  function wrap(block, places, a, b, lang, number) {
    var range = document.createRange();
    var start = outward(places[a][0], places[a][1], block, false);
    var end = outward(places[b][0], places[b][1] + 1, block, true);
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    try {
      var whole = span(lang, number);
      range.surroundContents(whole);
      return [whole];
    } catch (error) {
      var pieces = [], nodes = [];
      for (var k = a; k <= b; k++) if (nodes.indexOf(places[k][0]) < 0) nodes.push(places[k][0]);
      nodes.forEach(function (node) {
        var first = node === places[a][0] ? places[a][1] : 0;
        var last = node === places[b][0] ? places[b][1] + 1 : node.length;
        var piece = document.createRange();
        piece.setStart(node, first);
        piece.setEnd(node, last);
        var part = span(lang, number);
        piece.surroundContents(part);
        pieces.push(part);
      });
      return pieces;
    }
  }

  // Each sentence of `sentences` found in order in the block and wrapped; null (and the block
  // left alone) if the page's text does not read as the data says.
  function mark(block, sentences, lang) {
    var found = characters(block), at = 0, spans = [];
    var spots = [];
    for (var n = 0; n < sentences.length; n++) {
      var wanted = sentences[n].replace(/\s+/g, "");
      var start = found.text.indexOf(wanted, at);
      if (!wanted || start < 0) {
        console.warn("sentences: " + block.id + " " + lang + (n + 1) + " not found in the page");
        return null;
      }
      spots.push([start, start + wanted.length - 1]);
      at = start + wanted.length;
    }
    spots.forEach(function (spot, n) {
      spans.push(wrap(block, found.places, spot[0], spot[1], lang, n + 1));
      found = characters(block); // the nodes were split: read them again
    });
    return spans;
  }

  // A block's sentences in one language, and for each sentence its pair.
  function sentencesOf(block, entry, lang) {
    var spans = mark(block, entry[lang], lang);
    if (!spans) return null;
    var pairOf = [];
    entry.pairs.forEach(function (pair, index) {
      pair[lang === "zh" ? 0 : 1].forEach(function (k) { pairOf[k - 1] = index; });
    });
    return spans.map(function (pieces, k) {
      pieces.forEach(function (piece) { piece.setAttribute("data-pair", pairOf[k]); });
      return { pieces: pieces, number: k + 1, pair: pairOf[k] };
    });
  }

  function shape(pair) {
    return pair[0].length + "\u2236" + pair[1].length;
  }

  function range(numbers) {
    return numbers.length === 1 ? String(numbers[0]) : numbers[0] + "\u2013" + numbers[numbers.length - 1];
  }

  // ---- The side-by-side view ----

  var view = null; // {rows: {id: {zh: [...], en: [...], entry}}, current, pinned}

  // How a pair is made, always Chinese first: "(1 Chinese to 2 English)", "（中文1句对英文2句）".
  function made(pair) {
    if (pair[0].length === 1 && pair[1].length === 1) return "";
    return zh ? "（中文" + pair[0].length + "句对英文" + pair[1].length + "句）" : " (" + pair[0].length + " Chinese to " + pair[1].length + " English)";
  }

  function describe(row, lang, sentence) {
    var pair = row.entry.pairs[sentence.pair];
    var other = lang === "zh" ? "en" : "zh";
    var theirs = pair[lang === "zh" ? 1 : 0];
    var text = theirs.map(function (k) { return row.entry[other][k - 1]; }).join(other === "zh" ? "" : " ");
    if (zh) {
      return NAMES[lang] + "第" + sentence.number + "句（共" + row.entry[lang].length + "句），对应" + NAMES[other] + "第" + range(theirs) + "句" + made(pair) + "：" + text;
    }
    return NAMES[lang] + " sentence " + sentence.number + " of " + row.entry[lang].length + "; " + NAMES[other] + " sentence" +
      (theirs.length > 1 ? "s " : " ") + range(theirs) + made(pair) + ": " + text;
  }

  function clear() {
    document.querySelectorAll(".sentence.is-paired, .sentence.is-current").forEach(function (element) {
      element.classList.remove("is-paired", "is-current");
    });
    document.querySelectorAll(".sentence-shape").forEach(function (element) { element.remove(); });
    view.current = null;
  }

  function highlight(target) {
    var sentence = target && target.closest && target.closest(".parallel .sentence");
    if (!sentence || sentence === view.current) return;
    var row = sentence.closest(".parallel-row");
    var data = row && view.rows[row.id];
    if (!data) return;
    clear();
    view.current = sentence;
    var pair = sentence.getAttribute("data-pair");
    var entry = data.entry.pairs[pair];
    row.querySelectorAll(".sentence[data-pair='" + pair + "']").forEach(function (element) { element.classList.add("is-paired"); });
    row.querySelectorAll(".sentence[data-sentence='" + sentence.getAttribute("data-sentence") + "']").forEach(function (element) {
      element.classList.add("is-current");
    });
    if (entry[0].length > 1 || entry[1].length > 1) {
      ["zh", "en"].forEach(function (lang) {
        var first = row.querySelector(".sentence[data-pair='" + pair + "'][data-sentence^='" + lang + "']");
        if (!first) return;
        var label = document.createElement("span");
        label.className = "sentence-shape";
        label.setAttribute("aria-hidden", "true");
        label.textContent = shape(entry);
        first.insertAdjacentElement("beforebegin", label);
      });
    }
  }

  function counterpart(sentence) {
    var row = sentence.closest(".parallel-row");
    var lang = sentence.getAttribute("data-sentence").slice(0, 2);
    var other = lang === "zh" ? "en" : "zh";
    return row.querySelector(".sentence[tabindex][data-pair='" + sentence.getAttribute("data-pair") + "'][data-sentence^='" + other + "']");
  }

  // `event`: what asked (edition.js): its sentence, under the finger or pointer, lights up.
  function pairParallel(event) {
    var at = event && (event.touches ? event.touches[0] : event);
    var point = at && at.clientX !== undefined ? [at.clientX, at.clientY] : null;
    var table = document.querySelector(".md-content .parallel");
    var parts = location.pathname.split("/").filter(Boolean);
    var slug = parts[parts.lastIndexOf("parallel") - 1];
    var stems = [];
    table.querySelectorAll(".parallel-row[id] .parallel-cell:first-child .parallel-source").forEach(function (link) {
      var stem = pageOf(link.href, slug);
      if (stems.indexOf(stem) < 0) stems.push(stem);
    });
    stylesheet();
    view = { rows: {}, current: null };
    var description = document.createElement("span");
    description.id = "sentence-description";
    description.hidden = true;
    table.appendChild(description);
    return Promise.all(stems.map(function (stem) { return fetchJson(new URL("sentences/" + stem + ".json", location.href).href); })).then(function (pages) {
      var all = {};
      pages.forEach(function (page) { Object.keys(page).forEach(function (id) { all[id] = page[id]; }); });
      table.querySelectorAll(".parallel-row[id]").forEach(function (row) {
        var entry = all[row.id];
        var texts = row.querySelectorAll(".parallel-text");
        if (!entry || texts.length !== 2) return;
        var data = { entry: entry, zh: sentencesOf(texts[0], entry, "zh"), en: sentencesOf(texts[1], entry, "en") };
        if (!data.zh || !data.en) return;
        view.rows[row.id] = data;
        ["zh", "en"].forEach(function (lang) {
          data[lang].forEach(function (sentence, k) {
            var first = sentence.pieces[0];
            first.tabIndex = k === 0 ? 0 : -1;
            // A sentence with a link in it stays a plain focusable span (no control in a control).
            if (!first.querySelector("a, button")) first.setAttribute("role", "button");
            first.setAttribute("aria-describedby", "sentence-description");
          });
        });
      });
      table.classList.add("sentences-paired");
      wireParallel(table, description);
      if (point) highlight(document.elementFromPoint(point[0], point[1]));
    });
  }

  function wireParallel(table, description) {
    function focusable(element) {
      return element && element.closest && element.closest(".sentence[tabindex]");
    }
    table.addEventListener("pointerover", function (event) { highlight(event.target); });
    table.addEventListener("pointerleave", function () { if (!table.contains(document.activeElement) || !focusable(document.activeElement)) clear(); });
    table.addEventListener("click", function (event) {
      var sentence = event.target.closest && event.target.closest(".sentence");
      if (sentence) highlight(sentence);
    });
    table.addEventListener("focusin", function (event) {
      var sentence = focusable(event.target);
      if (!sentence) return;
      var row = sentence.closest(".parallel-row");
      var lang = sentence.getAttribute("data-sentence").slice(0, 2);
      var data = view.rows[row.id];
      var number = Number(sentence.getAttribute("data-sentence").slice(2));
      description.textContent = describe(data, lang, data[lang][number - 1]);
      highlight(sentence);
    });
    table.addEventListener("focusout", function (event) {
      if (focusable(event.target) && !focusable(event.relatedTarget)) clear();
    });
    table.addEventListener("keydown", function (event) {
      var sentence = focusable(event.target);
      if (!sentence) return;
      var lang = sentence.getAttribute("data-sentence").slice(0, 2);
      var column = Array.prototype.slice.call(table.querySelectorAll(".sentence[tabindex][data-sentence^='" + lang + "']"));
      var at = column.indexOf(sentence), next = null;
      if (event.key === "ArrowDown" || event.key === "ArrowRight") next = column[at + 1];
      else if (event.key === "ArrowUp" || event.key === "ArrowLeft") next = column[at - 1];
      else if (event.key === "Enter" || event.key === " ") next = counterpart(sentence);
      else if (event.key === "Escape") { clear(); return; }
      else return;
      event.preventDefault();
      if (next) next.focus();
    });
  }

  // ---- A reading page: the other language of one sentence ----

  var reading = null; // {buttons: [...], open: button}

  function closeOriginal() {
    if (!reading || !reading.open) return;
    var button = reading.open;
    var box = document.getElementById(button.getAttribute("aria-controls"));
    if (box) box.remove();
    button.setAttribute("aria-expanded", "false");
    button.closest("[id]").querySelectorAll(".sentence.is-paired").forEach(function (element) { element.classList.remove("is-paired"); });
    reading.open = null;
  }

  function openOriginal(button, block, entry, lang, number, pairIndex) {
    closeOriginal();
    var pair = entry.pairs[pairIndex];
    var other = lang === "zh" ? "en" : "zh";
    var theirs = pair[other === "zh" ? 0 : 1], mine = pair[lang === "zh" ? 0 : 1];
    var box = document.createElement("span");
    box.className = "sentence-original";
    box.id = "sentence-original-" + block.id + "-" + number;
    box.setAttribute("role", "note");
    var label = document.createElement("span");
    label.className = "sentence-original__label";
    label.textContent = zh
      ? "英文第" + range(theirs) + "句" + made(pair) + "："
      : "Chinese sentence " + range(theirs) + (mine.length > 1 ? ", rendered by English sentences " + range(mine) : "") + made(pair) + ": ";
    var text = document.createElement("span");
    text.lang = other === "zh" ? "zh-Hans" : "en";
    text.textContent = theirs.map(function (k) { return entry[other][k - 1]; }).join(other === "zh" ? "" : " ");
    box.append(label, text);
    button.insertAdjacentElement("afterend", box);
    button.setAttribute("aria-controls", box.id);
    button.setAttribute("aria-expanded", "true");
    block.querySelectorAll(".sentence[data-pair='" + pairIndex + "']").forEach(function (element) { element.classList.add("is-paired"); });
    reading.open = button;
  }

  // The reading page's switch: on, the buttons (made once); off, hidden.
  function showReading(on) {
    if (!on) return hideReading();
    stylesheet();
    if (reading) {
      reading.buttons.forEach(function (button) { button.hidden = false; });
      return Promise.resolve();
    }
    reading = { buttons: [], open: null };
    var lang = zh ? "zh" : "en";
    var link = document.querySelector(".md-content p[id^='p-'] > .para-links a[href*='parallel/']");
    var parts = new URL(link.href).pathname.split("/").filter(Boolean);
    var slug = parts[parts.lastIndexOf("parallel") - 1];
    var url = new URL("sentences/" + pageOf(location.href, slug) + ".json", link.href).href;
    return fetchJson(url).then(function (data) {
      document.querySelectorAll(".md-content p[id^='p-'], .md-content li[id]").forEach(function (block) {
        var entry = data[block.id];
        var sentences = entry && sentencesOf(block, entry, lang);
        if (!sentences) return;
        sentences.forEach(function (sentence) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "sentence-ask";
          button.setAttribute("aria-expanded", "false");
          button.textContent = zh ? "英" : "中";
          if (!zh) button.lang = "zh-Hans";
          button.setAttribute("aria-label", zh ? "本句英文" : "Chinese of this sentence");
          button.title = zh ? "显示本句英文" : "Show the Chinese of this sentence";
          button.addEventListener("click", function () {
            if (reading.open === button) closeOriginal();
            else openOriginal(button, block, entry, lang, sentence.number, sentence.pair);
          });
          var after = sentence.pieces[sentence.pieces.length - 1];
          while (after.nextSibling && after.nextSibling.nodeType === 1 && after.nextSibling.matches("sup")) after = after.nextSibling;
          after.insertAdjacentElement("afterend", button);
          reading.buttons.push(button);
        });
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && reading.open) {
          var button = reading.open;
          closeOriginal();
          button.focus();
        }
      });
    });
  }

  function hideReading() {
    if (!reading) return;
    closeOriginal();
    reading.buttons.forEach(function (button) { button.hidden = true; });
  }

  window.EditionSentences = { pairParallel: pairParallel, showReading: showReading };
})();
