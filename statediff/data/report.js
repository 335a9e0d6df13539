/* statediff report: keyboard navigation between changes (n / p). The view switch and the
   "changes only" filter are plain form controls styled by CSS, so they work without this script. */
(function () {
  "use strict";
  var doc = document;

  function visible(el) {
    return el.getClientRects().length > 0;
  }

  function onScreen(el) {
    if (!el || !visible(el)) {
      return false;
    }
    var box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  function changes(root) {
    return Array.prototype.filter.call(root.querySelectorAll("[data-change]"), visible);
  }

  function stickyBottom(root) {
    var bar = root.querySelector(".sd-sticky");
    return bar ? bar.getBoundingClientRect().bottom : 0;
  }

  function announce(root, text) {
    var out = root.querySelector(".sd-pos");
    if (out) {
      out.textContent = text;
    }
  }

  function go(root, step) {
    var list = changes(root);
    if (list.length === 0) {
      announce(root, "No changes");
      return;
    }
    var active = doc.activeElement;
    var row = active && active.closest ? active.closest("[data-change]") : null;
    if (!row && onScreen(root.sdLast)) {
      row = root.sdLast; /* focus went to a control: carry on from the change last visited */
    }
    var at = list.indexOf(row);
    var next;
    if (at >= 0) {
      next = at + step;
    } else {
      /* Nothing focused yet: start from what is on screen, just below the sticky controls. */
      var line = stickyBottom(root) - 4;
      next = -1;
      for (var i = 0; i < list.length; i += 1) {
        var y = list[i].getBoundingClientRect().top;
        if (step > 0 ? y >= line : y < line) {
          next = i;
          if (step > 0) {
            break;
          }
        }
      }
    }
    if (next < 0 || next >= list.length) {
      announce(root, step > 0 ? "Last change reached" : "First change reached");
      return;
    }
    var target = list[next];
    root.sdLast = target;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    announce(root, "Change " + (next + 1) + " of " + list.length);
  }

  /* The filters: with a label, only the rows carrying it; with a section, only the rows counted
     under it (and the section headings above the rows shown). They combine with each other and
     with "changes only", and the navigation counts what is shown. */
  function filter(root, label, section) {
    root.sdLabel = label;
    root.sdSection = section;
    Array.prototype.forEach.call(root.querySelectorAll("[data-filter-label]"), function (chip) {
      chip.setAttribute("aria-pressed", chip.getAttribute("data-filter-label") === label ? "true" : "false");
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-filter-section]"), function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-filter-section") === section ? "true" : "false");
    });
    var list = root.querySelector(".sd-clauses");
    if (!list) {
      return;
    }
    var on = label !== null || section !== null;
    var box = root.querySelector(".sd-only-changes");
    var changesOnly = box !== null && box.checked;
    var heading = null;
    var headingShown = false;
    var shown = 0;
    /* Rows sit in the list or in a run of rows added or dropped in a row (.sd-run), in reading order. */
    Array.prototype.forEach.call(list.querySelectorAll("h3, article"), function (el) {
      if (el.tagName === "H3") {
        heading = el;
        headingShown = false;
        el.classList.toggle("sd-filtered-out", on);
        return;
      }
      var labels = (el.getAttribute("data-labels") || "").split(" ");
      var keep = (label === null || labels.indexOf(label) >= 0) &&
        (section === null || el.getAttribute("data-section") === section);
      el.classList.toggle("sd-filtered-out", !keep);
      if (keep && on) {
        if (!changesOnly || el.hasAttribute("data-change")) {
          shown += 1; /* "changes only" hides the rest */
        }
        if (heading && !headingShown) {
          heading.classList.remove("sd-filtered-out");
          headingShown = true;
        }
      }
    });
    Array.prototype.forEach.call(list.querySelectorAll(".sd-run"), function (run) {
      run.classList.toggle("sd-filtered-out", !run.querySelector("article:not(.sd-filtered-out)"));
    });
    var what = "Showing " + shown + " clause" + (shown === 1 ? "" : "s");
    if (label !== null) {
      what += " labelled " + label;
    }
    if (section !== null) {
      var entry = root.querySelector("[data-filter-section='" + section + "']");
      var name = entry ? entry.closest("li").querySelector("a") : null;
      what += " in " + (name ? "\u201c" + name.textContent + "\u201d" : "one section");
    }
    announce(root, on ? what : "Showing every clause");
  }

  var roots = doc.querySelectorAll(".statediff");
  Array.prototype.forEach.call(roots, function (root) {
    root.classList.add("sd-js");
    root.sdLabel = null;
    root.sdSection = null;
    Array.prototype.forEach.call(root.querySelectorAll("[data-needs-script]"), function (el) {
      el.hidden = false;
    });
    /* Switching the view or the filter reflows the page: keep the change being read in place, and
       say again what a filter shows. */
    root.addEventListener("change", function () {
      if (root.sdLabel !== null || root.sdSection !== null) {
        filter(root, root.sdLabel, root.sdSection);
      }
      if (root.sdLast && visible(root.sdLast)) {
        root.sdLast.scrollIntoView({ block: "start" });
      }
    });
    /* Suggestions, opened, show the candidate clauses' texts beside the added or dropped one. */
    root.addEventListener("toggle", function (event) {
      var box = event.target;
      if (!box.open || !box.classList || !box.classList.contains("sd-suggest") ||
          box.querySelector(".sd-suggest-text")) {
        return;
      }
      Array.prototype.forEach.call(box.querySelectorAll("summary a"), function (link) {
        var target = link.getAttribute("href").slice(1);
        var anchor = doc.getElementById(target);
        var row = anchor && anchor.closest ? anchor.closest("article") : null;
        var side = target.indexOf("left-") === 0 ? "left" : "right";
        var cell = row ? row.querySelector(".sd-cell.sd-" + side) : null;
        var parts = [];
        if (cell) {
          Array.prototype.forEach.call(cell.children, function (child) {
            if (!child.classList.contains("sd-nums")) {
              parts.push(child.textContent);
            }
          });
        }
        var out = doc.createElement("p");
        out.className = "sd-suggest-text";
        var num = doc.createElement("b");
        num.textContent = link.textContent + " ";
        out.appendChild(num);
        out.appendChild(doc.createTextNode(parts.join(" ").trim() || "(see the clause)"));
        box.appendChild(out);
      });
    }, true);
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-go]") : null;
      if (button) {
        go(root, Number(button.getAttribute("data-go")));
        return;
      }
      var chip = event.target.closest ? event.target.closest("[data-filter-label]") : null;
      if (chip) {
        var label = chip.getAttribute("data-filter-label");
        filter(root, root.sdLabel === label ? null : label, root.sdSection);
        return;
      }
      var only = event.target.closest ? event.target.closest("[data-filter-section]") : null;
      if (only) {
        var section = only.getAttribute("data-filter-section");
        filter(root, root.sdLabel, root.sdSection === section ? null : section);
        return;
      }
      /* A link to a clause the label filter hides (the digest, a suggestion): show everything first. */
      var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
      var target = link ? doc.getElementById(link.getAttribute("href").slice(1)) : null;
      var row = target && target.closest ? target.closest("article") : null;
      if (row && row.classList.contains("sd-filtered-out")) {
        filter(root, null, null);
      }
    });
  });

  doc.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || roots.length === 0) {
      return;
    }
    var t = event.target;
    if (t && (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT" ||
        (t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox"))) {
      return;
    }
    var step = event.key === "n" || event.key === "j" ? 1 : event.key === "p" || event.key === "k" ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      var root = t && t.closest ? t.closest(".statediff") : null;
      go(root || roots[0], step);
    }
  });
})();
