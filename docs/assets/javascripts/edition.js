// The language switch leads to the same place in the other language: the #anchor in the
// address, or else the paragraph or heading the reader has scrolled to. Ids are shared
// by both languages, so the anchor exists on the other side.
(function () {
  var HEADER = 80; // px hidden under Material's sticky header

  function currentAnchor() {
    if (location.hash) return location.hash;
    var here = null;
    var blocks = document.querySelectorAll(".md-content [id^='p-'], .md-content h1[id], .md-content h2[id], .md-content h3[id]");
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getBoundingClientRect().top > HEADER + 1) break;
      here = blocks[i];
    }
    return here ? "#" + here.id : "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + currentAnchor());
  }, true);
})();
