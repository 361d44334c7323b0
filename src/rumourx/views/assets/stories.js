// rumourx story view: the filter box, the status choice and "contradictions only".
(function () {
  "use strict";
  var box = document.getElementById("filter");
  var status = document.getElementById("status");
  var contradicted = document.getElementById("contradicted");
  var shown = document.getElementById("shown");
  var none = document.getElementById("no-match");
  var stories = Array.prototype.slice.call(document.querySelectorAll("article.story"));
  var texts = stories.map(function (story) { return story.getAttribute("data-search") || ""; });
  var timer = null;
  // The page folds each story's names the same way: lower case, accents dropped.
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function apply() {
    timer = null;
    var terms = fold(box.value).split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var onlyContradicted = contradicted.checked;
    var count = 0;
    for (var i = 0; i < stories.length; i++) {
      var story = stories[i];
      var show = !wanted || story.getAttribute("data-status") === wanted;
      if (show && onlyContradicted) { show = story.hasAttribute("data-contradicted"); }
      for (var t = 0; show && t < terms.length; t++) {
        show = texts[i].indexOf(terms[t]) >= 0;
      }
      if (story.hidden === show) { story.hidden = !show; }
      if (show) { count++; }
    }
    var total = stories.length;
    shown.textContent = count === total
      ? total + (total === 1 ? " story" : " stories")
      : count + " of " + total + " stories shown";
    none.hidden = count !== 0 || total === 0;
  }
  function later() {
    if (timer !== null) { window.clearTimeout(timer); }
    timer = window.setTimeout(apply, 120);
  }
  box.addEventListener("input", later);
  status.addEventListener("change", apply);
  contradicted.addEventListener("change", apply);
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== box) {
      event.preventDefault();
      box.focus();
    }
  });
  // Coming back from an evidence view, the browser may restore the controls.
  window.addEventListener("pageshow", apply);
  apply();
})();
