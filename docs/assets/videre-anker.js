// Heading anchors used to drop æ and ø and write å as a ("Ældre ord, du kan møde" became #ldre-ord-du-kan-mde).
// They now keep readable letters (#aeldre-ord-du-kan-moede, videre.core.text.heading_slug). A link made the old
// way still leads to its heading: when the address names no element, the heading whose old anchor it is.
(function () {
  "use strict";
  // Python-Markdown's slugify as it was: letters decomposed, everything outside ASCII dropped.
  function oldSlug(text) {
    return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").replace(/[^\w\s-]/g, "").trim().toLowerCase()
      .replace(/[-\s]+/g, "-");
  }
  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent;
  }
  function follow() {
    var wanted = decodeURIComponent(window.location.hash.slice(1));
    if (!wanted || document.getElementById(wanted)) { return; }
    var seen = {};
    var headings = document.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
    for (var i = 0; i < headings.length; i++) {
      var slug = oldSlug(headingText(headings[i]));
      var id = seen[slug] === undefined ? slug : slug + "_" + seen[slug];  // Markdown numbered repeated ids
      seen[slug] = (seen[slug] || 0) + 1;
      if (id === wanted) {
        window.history.replaceState(null, "", "#" + headings[i].id);
        headings[i].scrollIntoView();
        return;
      }
    }
  }
  window.addEventListener("hashchange", follow);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", follow); } else { follow(); }
})();
