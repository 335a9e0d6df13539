(function () {
  "use strict";
  var root = document.querySelector(".sd-timeline");
  if (!root) { return; }
  var form = root.querySelector(".sd-filter");
  var box = root.querySelector("input[type=search]");
  var kind = root.querySelector("select");
  var out = root.querySelector("output");
  var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));
  function fold(s) {
    return s.toLowerCase().replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ");
  }
  /* What the filter reads: the wordings, not the page's own words around them (statuses, labels,
     dates, "whole wording"). */
  var texts = rows.map(function (r) {
    var copy = r.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".sd-head, .sd-life, summary"), function (e) {
      e.parentNode.removeChild(e);
    });
    return fold(copy.textContent);
  });
  function apply() {
    var words = fold(box.value).trim().split(" ").filter(Boolean);
    var want = kind.value;
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; }) &&
        (want === "all" || (" " + r.getAttribute("data-events") + " ").indexOf(" " + want + " ") >= 0);
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    out.textContent = shown + " of " + rows.length + (rows.length === 1 ? " lineage" : " lineages");
  }
  form.hidden = false;
  box.addEventListener("input", apply);
  kind.addEventListener("change", apply);
  apply();
}());
