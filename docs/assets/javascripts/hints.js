// Term hints. A marked term is a link to its glossary entry (a.gloss, written by
// scripts/edition/hints.py); its explanation lives in the glossary's hints.json beside the
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
    ? { label: "术语提示", on: "：开", off: "：关" }
    : { label: "Term hints", on: ": on", off: ": off" };
  var loaded = {}; // definitions URL → promise of its JSON
  var tip = null; // the one tooltip element
  var current = null; // the mark whose hint is open
  var touched = false; // the last pointer down was a touch

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function definitions(mark) {
    var url = new URL("hints.json", new URL(mark.getAttribute("href"), location.href)).href;
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

  function fill(entry) {
    var box = tooltip();
    box.textContent = "";
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
      if (current !== mark || !all[id]) return;
      fill(all[id]);
      mark.setAttribute("aria-describedby", "term-hint");
      tip.hidden = false;
      place(mark);
    }).catch(function (error) {
      console.warn("term hints:", error.message);
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
    button.setAttribute("aria-checked", on ? "true" : "false");
    state.textContent = on ? WORDS.on : WORDS.off;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "hints-switch";
  button.setAttribute("role", "switch");
  button.append(WORDS.label);
  var state = document.createElement("span");
  state.setAttribute("aria-hidden", "true");
  button.appendChild(state);
  button.addEventListener("click", function () {
    var on = button.getAttribute("aria-checked") !== "true";
    try { localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode: for this page only */ }
    apply(on);
  });
  var heading = document.querySelector(".md-content h1");
  if (heading) heading.insertAdjacentElement("afterend", button);
  // Default: on in English (the marks are the edition's own renderings, which an English
  // reader cannot tell from the text), off in Chinese (the original as published; its hints
  // give our English, for translators, who can switch them on). See README, Term hints.
  var choice = stored();
  apply(choice ? choice === "on" : !zh);
})();
