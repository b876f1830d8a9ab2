// Added to a copy of a page by tests/browser/check.sh (never to the pages byline writes):
// measures what the browser made of the page and writes it into body[data-probe], which
// --dump-dom prints. Hovers the first attributed quotation to run the page's own script.
(function () {
  "use strict";
  var out = [];
  var article = document.querySelector("article.text");
  out.push("chars=" + (article ? Array.from(article.textContent).length : -1));
  out.push("height=" + (article ? Math.round(article.getBoundingClientRect().height) : 0));
  var allowed = { P: 1, H2: 1, DIV: 1, Q: 1, A: 1, SPAN: 1 };
  var foreign = article ? Array.prototype.filter.call(article.querySelectorAll("*"), function (el) {
    return !allowed[el.tagName];
  }).length : 0;
  out.push("foreign=" + foreign);
  out.push("quotes=" + document.querySelectorAll("article q[id]").length);
  var quote = document.querySelector("article q.lab");
  if (quote) {
    var speaker = quote.getAttribute("data-speaker");
    quote.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    var theirs = document.querySelectorAll('article q[data-speaker="' + speaker + '"]').length;
    var lit = document.querySelectorAll('article q.hl[data-speaker="' + speaker + '"]').length;
    out.push("lit=" + lit + "/" + theirs);
    var label = getComputedStyle(quote, "::before").content;
    out.push("label=" + (label && label !== "none" && label.length > 2 ? "yes" : "no"));
  }
  document.body.setAttribute("data-probe", out.join(" "));
})();
