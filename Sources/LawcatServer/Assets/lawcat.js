// Search as you type: the results part of /search, fetched after a pause.
// Without this script the search box is an ordinary form.
(function () {
  "use strict";
  var box = document.getElementById("q");
  if (!box || !window.fetch) return;
  var timer = null;
  var latest = 0;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = box.value.trim();
      if (q.length < 2) return;
      var asked = ++latest;
      fetch("/search?results=only&q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null || asked !== latest) return;
          var main = document.querySelector("main");
          var doc = new DOMParser().parseFromString(html, "text/html");
          var results = doc.getElementById("results");
          if (!main || !results) return;
          main.replaceChildren(document.importNode(results, true));
          history.replaceState(null, "", "/search?q=" + encodeURIComponent(q));
        })
        .catch(function () {});
    }, 250);
  });
})();
