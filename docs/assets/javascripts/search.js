// Search (with assets/javascripts/workers/edition-search.js, the worker):
// - a result opens the paragraph that matched: Material links a result's page title to the
//   top of the page; it is pointed at the result's best paragraph (#p-…), the link below it;
// - a choice in the search dialog: this report (the default: its index alone is fetched)
//   or all reports, sent to the worker on the BroadcastChannel "edition-search" and kept
//   for the session (overrides/main.html passes it to the worker on the next page);
// - opening the search ({warm: true}) has the worker load the report's index.
(function () {
  var KEY = "edition-search-scope";
  var english = document.documentElement.lang.indexOf("en") === 0;
  var wrap = document.querySelector(".md-search__scrollwrap");
  var result = document.querySelector(".md-search-result");
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  var field = document.querySelector("input.md-search__input");
  if (!wrap || !result || !list || !meta || !field) return;

  // Which query the results shown answer: Material rewrites the count after it has
  // rendered a result (tests and the benchmark wait for it; no fixed delay).
  new MutationObserver(function () {
    result.dataset.answered = field.value;
  }).observe(meta, { childList: true, characterData: true, subtree: true });

  new MutationObserver(function () {
    list.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var links = item.querySelectorAll("a.md-search-result__link");
      if (links.length > 1 && links[0].hash === "" && links[1].hash.indexOf("#") === 0) links[0].href = links[1].href;
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
  // Opening the search starts loading the report's index, so that it is ready by the
  // time the first word is typed (it is not loaded with the page: most readers never search).
  field.addEventListener("focus", function () {
    if (channel) channel.postMessage({ warm: true });
  });
  input.addEventListener("change", function () {
    var scope = input.checked ? "all" : "report";
    try { sessionStorage.setItem(KEY, scope); } catch (error) { /* storage off: this page only */ }
    if (channel) channel.postMessage({ scope: scope });
  });
})();
