// Sortable tables: the key-figures page loads this file (no other page needs it). A
// button in each column head sorts by click or by keyboard (Enter, Space); aria-sort
// tells assistive technology the order.
(function () {
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    heads.forEach(function (head, column) {
      var button = head.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = head.getAttribute("aria-sort") !== "ascending";
        var numeric = head.hasAttribute("data-numeric");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var p = x.getAttribute("data-sort") || x.textContent.trim();
          var q = y.getAttribute("data-sort") || y.textContent.trim();
          var order = numeric ? Number(p) - Number(q) : p.localeCompare(q, document.documentElement.lang);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        heads.forEach(function (other) {
          if (other.querySelector("button")) other.setAttribute("aria-sort", "none");
        });
        head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  });
})();
