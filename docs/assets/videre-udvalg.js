// Which offers fit the patient, and in which order. Shared by the directory, the municipality
// pages and the handout, so the three choose alike. An offer is a small object with the directory's
// short keys: a (age groups), p (problems), k (kind), f (modes), h (ways in), r (open to relatives).
// The order is videre/catalog/ranking.py's specificity_key, kept in step by tests/catalog/test_ranking.py.
(function (root) {
  "use strict";

  var RELATIVES = "paaroerende";
  var FACETS = { alder: "a", problem: "p", type: "k", form: "f", henvisning: "h" };

  function forRelativesOnly(offer) { return offer.k === RELATIVES; }
  function openToRelatives(offer) { return forRelativesOnly(offer) || offer.r === 1; }

  // True when the offer passes every chosen facet (AND). An offer for all difficulties ('alle') passes
  // every problem; the relatives' type passes every offer open to relatives, not only those typed for them.
  function matches(offer, state) {
    for (var name in FACETS) {
      var wanted = state[name];
      if (!wanted) { continue; }
      var values = offer[FACETS[name]];
      if (name === "type") {
        if (wanted === RELATIVES ? !openToRelatives(offer) : values !== wanted) { return false; }
        continue;
      }
      if (values.indexOf(wanted) === -1 && !(name === "problem" && values.indexOf("alle") !== -1)) { return false; }
    }
    return true;
  }

  // [relatives' place, problem's place]: offers for relatives last unless the relatives' filter is on,
  // and an offer that names the chosen problem before one for all difficulties.
  function rankKey(offer, state) {
    var relatives = state.type === RELATIVES;
    var place = relatives ? (forRelativesOnly(offer) ? 0 : 1) : (forRelativesOnly(offer) ? 1 : 0);
    var named = !state.problem || offer.p.indexOf(state.problem) !== -1 ? 0 : 1;
    return [place, named];
  }

  // A stable sort: real records (confirmed or read from a public page) before examples, then by rankKey;
  // equal keys keep the order they came in (e.g. the municipality's own first).
  function ranked(offers, state) {
    return offers.map(function (offer, index) { return { o: offer, k: rankKey(offer, state), i: index }; })
      .sort(function (x, y) { return (x.o.x || 0) - (y.o.x || 0) || x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.i - y.i; })
      .map(function (item) { return item.o; });
  }

  // The offer as data attributes on a server-rendered card (data-a="voksne aeldre" …).
  function fromElement(node) {
    function list(name) { var v = node.getAttribute("data-" + name); return v ? v.split(" ") : []; }
    return { a: list("a"), p: list("p"), k: node.getAttribute("data-k") || "", f: list("f"), h: list("h"),
             r: node.getAttribute("data-r") === "1" ? 1 : 0 };
  }

  // Show the cards (<article> with data attributes) in a container that fit, in rank order, at most `limit`
  // (all when it is not given); the rest are hidden. Returns how many fit.
  function arrange(container, state, limit, before) {
    var cards = Array.prototype.slice.call(container.querySelectorAll("article"));
    var items = cards.map(function (card) { var o = fromElement(card); o.node = card; return o; });
    var fitting = ranked(items.filter(function (o) { return matches(o, state); }), state);
    cards.forEach(function (card) { card.hidden = true; });
    fitting.slice(0, limit === undefined ? fitting.length : limit).forEach(function (o) {
      o.node.hidden = false;
      container.insertBefore(o.node, before || null);
    });
    return fitting.length;
  }

  // Keep only the values a select offers; report the ones it does not, so the page can say so.
  function validState(params, form) {
    var state = {};
    var invalid = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.tagName !== "SELECT") { return; }
      var value = params.get(field.name);
      if (!value) { return; }
      var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
      if (known) { state[field.name] = value; field.value = value; }
      else { invalid.push({ field: field, value: value }); }
    });
    return { state: state, invalid: invalid };
  }

  root.videreUdvalg = { RELATIVES: RELATIVES, FACETS: FACETS, matches: matches, rankKey: rankKey, ranked: ranked,
                        fromElement: fromElement, validState: validState, openToRelatives: openToRelatives,
                        arrange: arrange };
})(window);
