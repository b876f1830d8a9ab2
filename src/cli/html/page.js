// byline -f html: hovering a speaker, a quotation, a name or a panel entry lights up every
// quotation of that speaker or every mention of that entity. The page reads the same without it.
(function () {
  "use strict";
  var lit = [];
  function clear() {
    lit.forEach(function (el) { el.classList.remove("hl"); });
    lit = [];
  }
  function light(selector) {
    lit = Array.prototype.slice.call(document.querySelectorAll(selector));
    lit.forEach(function (el) { el.classList.add("hl"); });
  }
  document.addEventListener("mouseover", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var el = target && target.closest("[data-entity], [data-speaker]");
    clear();
    if (!el) { return; }
    // Both values are numbers the page generated (or "none"), never article text.
    var entity = el.getAttribute("data-entity");
    var speaker = el.getAttribute("data-speaker");
    if (entity !== null && /^[0-9]+$/.test(entity)) {
      light('[data-entity="' + entity + '"]');
    } else if (speaker !== null && /^([0-9]+|none)$/.test(speaker)) {
      light('[data-speaker="' + speaker + '"]');
    }
  });
})();
