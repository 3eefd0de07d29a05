// The edition's search worker: Material's worker (lunr, Chinese query segmentation,
// highlighting), fed the edition's indexes and ranking its results for the reader.
//
// - Indexes (scripts/edition/passes/search_index.py): search/search_index.json holds the pages
//   outside any report and the list of reports; search/SLUG.json one report, one entry per
//   paragraph. The current report's file is fetched when the reader opens the search
//   ({warm: true} on the channel) or on the first query, not on page load;
//   every report's when the reader ticks "all reports" (a message on the BroadcastChannel
//   "edition-search", from assets/javascripts/edition.js, search results).
// - Ranking: lunr's score, times 20 when the entry holds the query as typed (a Chinese
//   phrase, an English phrase, a figure in any written form), times 3 when it holds every
//   query term, times 1/4 on apparatus pages (glossary, notes, key figures …).
// - Results: grouped by page, the best paragraph first, so that Material shows the page
//   and, under it, the paragraph, whose link opens #p-… (a paragraph has no title in the
//   index; its heading's is shown).
// - English: Material appends "*" to every query term and lunr skips the stemmer for a
//   wildcard term, while the index is stemmed; a plain word with a trailing wildcard is
//   stemmed first ("reconsideration*" → "reconsider*").
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var params = new URL(self.location.href).searchParams;
  var indexBase = params.get("index");
  var current = params.get("report") || "";

  // Material's worker registers one message listener and answers with postMessage; both
  // are captured, so that this worker decides what Material sees and what the page gets.
  var material = null;
  var addListener = self.addEventListener.bind(self);
  var post = self.postMessage.bind(self);
  var capture = null;
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && !material) material = listener;
    else addListener(type, listener, options);
  };
  self.postMessage = function (message) {
    if (capture) capture(message);
    else post(message);
  };
  importScripts(params.get("worker"));

  if (params.get("lang") === "en") {
    var clause = lunr.Query.prototype.clause;
    lunr.Query.prototype.clause = function (c) {
      var match = c && !c.usePipeline && typeof c.term === "string" && /^([a-z][a-z'-]*)\*$/.exec(c.term);
      if (match) c.term = lunr.stemmer(new lunr.Token(match[1])).toString() + "*";
      return clause.call(this, c);
    };
  }

  var config = null, options = null, siteDocs = [], shards = {}, byLocation = {};
  var scope = params.get("scope") === "all" ? "all" : "report", built = "", lastQuery = "";

  function callMaterial(message) {
    return new Promise(function (resolve) {
      capture = function (reply) { capture = null; resolve(reply); };
      material({ data: message });
    });
  }

  function wanted() {
    if (scope === "all") return config.reports.map(function (r) { return r.slug; });
    var known = config.reports.some(function (r) { return r.slug === current; });
    // Outside any report (the home page): the last report by slug, the latest year.
    return [known ? current : (config.reports[config.reports.length - 1] || {}).slug].filter(Boolean);
  }

  function fetchShard(slug) {
    if (!shards[slug]) {
      shards[slug] = fetch(new URL(slug + ".json", indexBase)).then(function (response) {
        if (!response.ok) throw new Error(response.url + ": " + response.status);
        return response.json();
      }).then(function (data) { return data.docs; });
    }
    return shards[slug];
  }

  // (Re)build Material's lunr index from the site's pages and the reports in scope.
  function build() {
    var slugs = wanted();
    var key = slugs.join(" ");
    if (key === built) return Promise.resolve();
    return Promise.all(slugs.map(fetchShard)).then(function (lists) {
      var docs = siteDocs.concat.apply(siteDocs, lists);
      byLocation = {};
      docs.forEach(function (doc) { byLocation[doc.location] = doc; });
      built = key;
      return callMaterial({ type: SETUP, data: { config: config, docs: docs, options: options } });
    });
  }

  function plain(value) {
    return String(value || "").replace(/<[^>]*>|\u200b/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").toLowerCase();
  }

  function count(haystack, needle) {
    var n = 0;
    for (var at = haystack.indexOf(needle); needle && at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
    return n;
  }

  // The phrase as typed, marked in an entry's text: the text is HTML with U+200B between
  // Chinese words, which may fall anywhere inside the phrase.
  function markPhrase(html, typed) {
    var chars = Array.from(typed).map(function (c) {
      var escaped = c.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      return escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return html.replace(new RegExp(chars.join("\u200b?"), "gi"), function (m) { return "<mark>" + m + "</mark>"; });
  }

  // A figure as the entry writes it, marked when the reader typed another form of it
  // (1162 → 1,162): the match came through the entry's `alt` forms, which are not shown.
  function markNumber(html, typed) {
    var digits = typed.replace(/[,%\s]|percent/g, "");
    if (!/^\d+(\.\d+)?$/.test(digits)) return html;
    return html.replace(/(<mark>[^<]*<\/mark>)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g, function (m, marked) {
      return marked || m.replace(/,/g, "") !== digits ? m : "<mark>" + m + "</mark>";
    });
  }

  // Material's excerpt runs from the entry's first word to its last: the brackets or quotes
  // before the first word ("（五）", "(VI)", "《…》") and the stop after the last are cut
  // off. They are put back from the entry's text (words never are).
  function whole(html, full) {
    var shown = html.replace(/<\/?mark>/g, "");
    var at = full ? full.indexOf(shown) : -1;
    if (!shown || at < 0) return html;
    var before = full.slice(0, at), after = full.slice(at + shown.length);
    return (/[\p{L}\p{N}]/u.test(before) ? "" : before) + html + (/[\p{L}\p{N}]/u.test(after) ? "" : after);
  }

  // A term as the reader would write it: without the query syntax Material adds (a
  // trailing "*" on every term) or a reader may type (+ - ~ ^ :).
  function bare(term) {
    return term.replace(/^[+-]|[*:]|[~^]\d*/g, "");
  }

  function rank(result, query) {
    var typed = plain(query).replace(/["*+~^]/g, "").trim();
    var complete = false; // some entry holds the query: the phrase, or every term of it
    var figure = /^[\d.,%\s]+$/.test(typed) && /\d[.,]\d/.test(typed);
    // English terms come back stemmed ("modernis"): shown as the reader typed them.
    var typedWords = {};
    if (params.get("lang") === "en") {
      typed.split(/\s+/).forEach(function (word) {
        var clean = word.replace(/[^a-z'-]/g, "");
        if (clean) typedWords[lunr.stemmer(new lunr.Token(clean)).toString()] = clean;
      });
    }
    var items = [];
    var seen = {};
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        if (item.score > 0) { items.push(item); seen[item.location] = true; }
      });
    });
    // Entries that hold the phrase but that lunr missed: Chinese is segmented once at build
    // time (jieba) and once in the browser (from the index's words), and the two can cut a
    // phrase differently (十减15, 111.04万元); a figure with its unit is one token.
    if (Array.from(typed).length >= 2) {
      Object.keys(byLocation).forEach(function (location) {
        var doc = byLocation[location];
        if (seen[location] || plain([doc.title, doc.text, doc.alt].join(" ")).indexOf(typed) < 0) return;
        items.push({ location: location, title: markPhrase(doc.title || "", typed), text: markPhrase(doc.text || "", typed), score: 1, terms: {} });
      });
    }
    items.forEach(function (item) {
      var doc = byLocation[item.location] || {};
      var haystack = plain([doc.title, doc.text, doc.alt].join(" "));
      var terms = Object.keys(item.terms).map(function (t) { return item.terms[t]; });
      // Undo Material's own post-query boost (a page above its sections): a paragraph
      // that holds the phrase must outrank a page title that holds part of it.
      var boost = (item.location.indexOf("#") < 0 ? 1 : 0) + (terms.length ? terms.filter(Boolean).length / terms.length : 0);
      var score = item.score / (1 + boost * boost);
      var phrases = typed ? count(haystack, typed) : 0;
      if (phrases) {
        score = (score + 5 * phrases) * 20;
        // The phrase is what matched: Material links ?h= to the matched terms (the page
        // marks them) and lists unmatched ones as missing, term by segmented term.
        item.terms = {};
        item.terms[query.trim()] = true;
      }
      if (terms.length && terms.every(Boolean)) score *= 3;
      if (phrases || (terms.length && terms.every(Boolean))) complete = true;
      if (doc.k === "note") score /= 2;  // a translator's note: below the paragraph it annotates
      if (doc.k === "apparatus") score /= 200;  // glossary, notes, key figures: below the report
      item.score = score;
      if (doc.h && !item.title) item.title = (byLocation[doc.h] || {}).title || "";
      item.title = whole(item.title || "", doc.title);
      item.text = whole(item.text || "", doc.text);  // "": a heading without text; Material reads .length
      if (phrases || figure) {
        // The phrase marked whole: Material marks each word of it, and each part of a
        // figure ("1,162" marked every "1"), in entries that hold it and in the others.
        item.title = markPhrase(item.title.replace(/<\/?mark>/g, ""), typed);
        item.text = markPhrase(item.text.replace(/<\/?mark>/g, ""), typed);
      }
      item.text = markNumber(item.text, typed);
      // Chinese words are split by zero-width spaces in the index (for lunr): shown, they
      // break lines in the wrong places and are copied with the text.
      item.title = item.title.replace(/\u200b/g, "");
      item.text = item.text.replace(/\u200b/g, "");
      var words = {};
      Object.keys(item.terms).forEach(function (term) {
        var word = bare(term);
        word = typedWords[word] || word;
        if (word) words[word] = words[word] || item.terms[term];
      });
      item.terms = words;
    });
    tell({ answer: query, absent: !complete });
    items.sort(function (a, b) { return b.score - a.score; });
    var pages = new Map();
    items.forEach(function (item) {
      var page = item.location.split("#")[0];
      if (!pages.has(page)) pages.set(page, []);
      pages.get(page).push(item);
    });
    var groups = [];
    pages.forEach(function (list, page) {
      var own = list.filter(function (item) { return item.location === page; })[0];
      var rest = list.filter(function (item) { return item !== own; });
      if (own && list[0] === own) {
        groups.push([own].concat(rest));
        return;
      }
      var doc = byLocation[page] || { location: page, title: "" };
      var article = own || { location: page, title: (doc.title || "").replace(/\u200b/g, ""), text: "", score: 0, terms: {} };
      groups.push([rest[0], article].concat(rest.slice(1)));
    });
    return { items: groups };
  }

  function search(query) {
    lastQuery = query;
    if (!query.trim()) return callMaterial({ type: QUERY, data: query });
    return build().then(function () {
      return callMaterial({ type: QUERY, data: query });
    }).then(function (reply) {
      return reply.type === RESULT ? { type: RESULT, data: rank(reply.data, query) } : reply;
    });
  }

  // One message at a time, in order: a query waits for the index it needs.
  var queue = Promise.resolve();
  addListener("message", function (event) {
    var message = event.data;
    queue = queue.then(function () {
      if (message.type === SETUP) {
        config = message.data.config;
        options = message.data.options;
        siteDocs = message.data.docs;
        built = null;
        // Ready at once with the site's pages: the report's index comes with the first query.
        return callMaterial(message).then(post);
      }
      if (message.type === QUERY) return search(message.data).then(post);
      return callMaterial(message).then(post);
    }).catch(function (error) {
      // The index could not be loaded (offline, before the report was kept for offline
      // reading): the page says so (edition.js), not "no results".
      console.warn("search:", error);
      if (message.type === QUERY) tell({ answer: message.data, failed: true });
      post({ type: RESULT, data: { items: [] } });
    });
  });

  // What the results mean, for the page to say (edition.js, search results): the query is
  // not in the report (absent), or the index could not be loaded (failed).
  function tell(status) {
    if (channel) channel.postMessage(status);
  }

  var channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel("edition-search") : null;
  if (channel) {
    channel.onmessage = function (event) {
      if (event.data && event.data.warm) {
        // The reader opened the search: fetch and index the report while they type.
        queue = queue.then(function () { if (config) return build(); });
        return;
      }
      if (!event.data || (event.data.scope !== "all" && event.data.scope !== "report")) return;
      queue = queue.then(function () {
        scope = event.data.scope;
        if (!config || !lastQuery.trim()) return;
        return search(lastQuery).then(post);
      });
    };
  }
})();
