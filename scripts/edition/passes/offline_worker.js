// The edition's offline copy: a service worker, written at the root of each language's site
// (sw.js) by scripts/edition/passes/offline.py, which puts before this code the build's
// VERSION and its SETS: for each language and report ("zh/yushan-2023"), every file a
// reader needs to read that report offline (its pages, the language's home page, the
// stylesheets, scripts and icons they load, the search worker and indexes, the term hints),
// each with the sha256 of its content, by address relative to this file.
//
// - A page of a report, once it has loaded, asks to keep its report (edition.js, offline):
//   the set's files are fetched in the background, four at a time, and kept in one cache
//   named for the build (edition-offline-VERSION).
// - Every request of the site is answered from that cache where it holds the file (the
//   query string aside: a search result's ?h=), else from the network; a page that is in
//   neither says, in its language, that it was not kept for offline reading.
// - A new build is a new sw.js (its VERSION changes with any file): the browser installs it
//   in the background at the next visit; it carries over the sets the reader kept (files
//   whose hash is unchanged are copied, the others fetched), takes over, and deletes the
//   old build's cache.
var PREFIX = "edition-offline-";
var CACHE = PREFIX + VERSION;
var KEPT = "offline-sets/"; // an entry per set kept: its files and their hashes (JSON)
var PARALLEL = 4;

function address(rel) {
  return new URL(rel, self.registration.scope).href;
}

// Fetch `names` (relative addresses) into `cache`, PARALLEL at a time; copy from `old`
// (a cache and its hashes) the files whose hash has not changed.
function fill(cache, files, names, old) {
  var queue = names.slice();
  function next() {
    var rel = queue.shift();
    if (rel === undefined) return Promise.resolve();
    var url = address(rel);
    var copy = old && old.hashes[rel] === files[rel] ? old.cache.match(url) : Promise.resolve(null);
    return copy.then(function (kept) {
      if (kept) return cache.put(url, kept);
      // no-cache: revalidated with the server, so that the HTTP cache never hands over a
      // file of an earlier build under this build's name.
      return fetch(url, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return cache.put(url, response);
      });
    }).then(next);
  }
  var workers = [];
  for (var i = 0; i < PARALLEL; i++) workers.push(next());
  return Promise.all(workers);
}

var keeping = {};

// Keep one set in this build's cache (those of its files not there yet), then record it.
function keep(name, old) {
  if (!keeping[name]) {
    var files = SETS[name];
    keeping[name] = caches.open(CACHE).then(function (cache) {
      return cache.keys().then(function (requests) {
        var have = {};
        requests.forEach(function (request) { have[request.url] = true; });
        var missing = Object.keys(files).filter(function (rel) { return !have[address(rel)]; });
        return fill(cache, files, missing, old).then(function () {
          return cache.put(address(KEPT + name), new Response(JSON.stringify(files), { headers: { "Content-Type": "application/json" } }));
        });
      });
    }).catch(function (error) {
      delete keeping[name]; // offline, or a file missing: tried again at the next page
      throw error;
    });
  }
  return keeping[name];
}

// The set a page belongs to: the one that holds its address (the home page is in every
// report's set of its language: the last, the latest report, is kept).
function setOf(url) {
  var rel = url.split("#")[0].split("?")[0].slice(self.registration.scope.length);
  var found = null;
  Object.keys(SETS).forEach(function (name) {
    if (rel in SETS[name]) found = name;
  });
  return found;
}

// The sets an earlier build kept, each with that build's cache and hashes.
function earlier() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
    return Promise.all(old.map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.keys().then(function (requests) {
          var marks = requests.filter(function (request) { return request.url.indexOf(address(KEPT)) === 0; });
          return Promise.all(marks.map(function (request) {
            return cache.match(request).then(function (response) { return response.json(); }).then(function (hashes) {
              return { name: request.url.slice(address(KEPT).length), cache: cache, hashes: hashes };
            });
          }));
        });
      });
    }));
  }).then(function (lists) { return [].concat.apply([], lists); });
}

self.addEventListener("install", function (event) {
  event.waitUntil(earlier().then(function (kept) {
    return Promise.all(kept.filter(function (set) { return set.name in SETS; }).map(function (set) { return keep(set.name, set); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (!event.data || event.data.type !== "keep" || !event.source) return;
  var name = setOf(event.source.url);
  if (name) event.waitUntil(keep(name).then(function () {
    event.source.postMessage({ type: "kept", set: name, version: VERSION });
  }, function (error) {
    console.warn("offline copy:", error.message);
  }));
});

var NOT_KEPT = {
  zh: ["未保存", "此页未保存以供离线阅读。请联网后再打开，或返回已保存的报告页面。"],
  en: ["Not saved", "This page was not saved for offline reading. Open it again when you are online, or go back to the report's pages."]
};

function notKept(url) {
  var rel = url.slice(self.registration.scope.length);
  var lang = rel.indexOf("en/") === 0 || /\/en\/$/.test(self.registration.scope) ? "en" : "zh";
  var words = NOT_KEPT[lang];
  var html = "<!doctype html><html lang=\"" + lang + "\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
    "<title>" + words[0] + "</title><p style=\"font:1rem/1.6 sans-serif;margin:2rem 1rem\">" + words[1] + "</p></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  // Any file of the site (a language's site of its own may load a file of the root's).
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true });
  }).then(function (hit) {
    // Found without its query string (?h=… of a search result; the search worker's
    // settings): given as an answer to the address asked for, not the one it was kept
    // under, which would become the page's or the worker's own address, query lost.
    if (hit && hit.url !== request.url) hit = new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
    return hit || fetch(request).catch(function (error) {
      if (request.mode === "navigate") return notKept(request.url);
      throw error;
    });
  }));
});
