// Material's search worker for the English pages, with query terms stemmed like the index.
//
// Material appends "*" to every query term (search as you type), and lunr switches the
// pipeline off for a term with a wildcard, so "reconsideration*" is compared unstemmed
// with the stemmed index ("reconsider") and finds nothing. Here a plain word with a
// trailing wildcard is stemmed first: "reconsideration*" becomes "reconsider*", and
// "courts", "handling", "handled" find "court", "handl…" as the index stores them.
importScripts(new URL(self.location.href).searchParams.get("worker"));

(function () {
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    var match = c && !c.usePipeline && typeof c.term === "string" && /^([a-z][a-z'-]*)\*$/.exec(c.term);
    if (match) {
      c.term = lunr.stemmer(new lunr.Token(match[1])).toString() + "*";
    }
    return clause.call(this, c);
  };
})();
