// The directory's facets: filters combine (AND), the state lives in the URL, and
// every offer is also reachable without JavaScript through the municipality pages.
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var FACETS = { alder: "a", problem: "p", type: "k", form: "f", henvisning: "h" };

  function expandCoverage(codes, regions) {
    if (codes.indexOf("hele-landet") !== -1) { return null; } // null = every municipality
    var set = Object.create(null);
    codes.forEach(function (code) {
      if (code.indexOf("region-") === 0) {
        (regions[code.slice(7)] || []).forEach(function (slug) { set[slug] = true; });
      } else { set[code] = true; }
    });
    return set;
  }

  function matches(offer, state) {
    if (state.kommune && offer.reach !== null && !offer.reach[state.kommune]) { return false; }
    for (var name in FACETS) {
      var wanted = state[name];
      if (!wanted) { continue; }
      var values = offer[FACETS[name]];
      if (name === "type") { if (values !== wanted) { return false; } continue; }
      if (values.indexOf(wanted) === -1 && !(name === "problem" && values.indexOf("alle") !== -1)) { return false; }
    }
    return true;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function start() {
    var form = document.getElementById("videre-filtre");
    if (!form) { return; }
    var list = document.getElementById("videre-resultater");
    var count = document.getElementById("videre-antal");
    var more = document.getElementById("videre-flere");
    var root = form.getAttribute("data-rod") || "";
    var exampleBadge = form.getAttribute("data-eksempel") || "Eksempel – ikke bekræftet";
    var examplesTitle = form.getAttribute("data-eksempler-titel") || "Eksempler";
    var examplesText = form.getAttribute("data-eksempler-tekst") || "";
    var kindLabels = {};
    Array.prototype.forEach.call(form.elements.type.options, function (o) { kindLabels[o.value] = o.textContent; });
    var offers = [];
    var shown = 0;
    var found = [];

    function readState() {
      var state = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name) { state[field.name] = field.value; }
      });
      return state;
    }

    function examplesHeading() {
      // Real offers come first (katalog.json is sorted so); the examples follow under their own heading.
      var item = element("li", "videre-resultater__eksempler");
      item.appendChild(element("h2", "", examplesTitle));
      item.appendChild(element("p", "videre-eksempler__intro", examplesText));
      return item;
    }

    function render(reset) {
      if (reset) { list.textContent = ""; shown = 0; }
      var slice = found.slice(shown, shown + PAGE_SIZE);
      var fragment = document.createDocumentFragment();
      var first = null;
      slice.forEach(function (offer, index) {
        var before = found[shown + index - 1];
        if (offer.x && (!before || !before.x)) { fragment.appendChild(examplesHeading()); }
        var item = element("li", "videre-kort" + (offer.x ? " videre-kort--eksempel" : offer.q ? " videre-kort--offentlig" : ""));
        first = first || item;
        var heading = element("h2", "videre-kort__titel");
        var link = element("a", "", offer.t);
        link.href = root + offer.u;
        heading.appendChild(link);
        if (offer.x) {
          heading.appendChild(document.createTextNode(" "));
          heading.appendChild(element("span", "videre-maerke videre-maerke--eksempel", exampleBadge));
        } else if (offer.q) {
          heading.appendChild(document.createTextNode(" "));
          heading.appendChild(element("span", "videre-maerke videre-maerke--offentlig", offer.q));
        }
        item.appendChild(heading);
        item.appendChild(element("p", "videre-kort__type", (kindLabels[offer.k] || offer.k) + " · " + offer.e));
        item.appendChild(element("p", "", offer.b));
        fragment.appendChild(item);
      });
      list.appendChild(fragment);
      shown += slice.length;
      more.hidden = shown >= found.length;
      return first;
    }

    function update() {
      var state = readState();
      found = offers.filter(function (offer) { return matches(offer, state); });
      count.textContent = found.length === 1 ? "1 tilbud passer" : found.length + " tilbud passer";
      render(true);
      var query = new URLSearchParams();
      Object.keys(state).forEach(function (key) { if (state[key]) { query.set(key, state[key]); } });
      var search = query.toString();
      history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }

    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && params.get(field.name)) { field.value = params.get(field.name); }
    });
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    more.addEventListener("click", function () {
      var next = render(false);
      if (next) { next.querySelector("a").focus(); }
    });

    fetch(form.getAttribute("data-katalog"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        offers = data.tilbud;
        offers.forEach(function (offer) { offer.reach = expandCoverage(offer.d, data.regioner); });
        form.setAttribute("data-klar", "true");
        update();
      })
      .catch(function () {
        count.textContent = "Tilbuddene kunne ikke hentes. Brug kommunesiderne i stedet.";
      });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
