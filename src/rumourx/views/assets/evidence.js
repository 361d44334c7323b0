// rumourx evidence view: hovering a row shows its evidence; a click pins it and scrolls to it.
(function () {
  "use strict";
  var body = document.body;
  var pinned = null;
  function show(key) {
    if (key === null) {
      body.removeAttribute("data-active");
    } else {
      body.setAttribute("data-active", key);
    }
  }
  function firstMark(key) {
    var marks = document.querySelectorAll("mark[data-key~='" + key + "']");
    return marks.length ? marks[0] : null;
  }
  var rows = document.querySelectorAll("tr.move[data-key]");
  Array.prototype.forEach.call(rows, function (row) {
    var key = row.getAttribute("data-key");
    row.addEventListener("mouseenter", function () {
      if (pinned === null) { show(key); }
    });
    row.addEventListener("mouseleave", function () {
      if (pinned === null) { show(null); }
    });
    function toggle() {
      pinned = pinned === key ? null : key;
      show(pinned);
      var mark = pinned === null ? null : firstMark(pinned);
      if (mark) {
        var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        mark.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
      }
    }
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle();
      }
    });
  });
})();
