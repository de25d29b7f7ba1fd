// Which offers fit the patient, and in which order. Shared by the directory, the municipality
// pages and the handout, so the three choose alike. The build says which field each filter reads and
// under which short key the compact data holds each field ("filtre" and "noegler", from the offer's field
// table in videre/core/fields.py): katalog.json's header, or the data-udvalg of a form whose page carries
// the offers as cards with data attributes. Here an offer is read by its fields' names (kind, problems …).
// The order is videre/catalog/ranking.py's specificity_key, kept in step by tests/catalog/test_ranking.py.
(function (root) {
  "use strict";

  var RELATIVES = "paaroerende";   // ranking.RELATIVES_KIND
  var ALL_PROBLEMS = "alle";       // vocab.ALL_PROBLEMS

  // A value as a list: a list in the JSON as it is, a card's attribute split at its spaces, one code alone.
  function list(value) {
    if (Array.isArray(value)) { return value; }
    return value === undefined || value === null || value === "" ? [] : String(value).split(" ");
  }

  function forRelativesOnly(offer) { return list(offer.kind).indexOf(RELATIVES) !== -1; }
  function openToRelatives(offer) { return forRelativesOnly(offer) || Number(offer.relatives) === 1; }

  // The rule and order for one description of the data: {filtre: {query name: field}, noegler: {field: key}}.
  function selection(spec) {
    var filters = spec.filtre;
    var keys = spec.noegler;
    var nameOf = {};
    Object.keys(filters).forEach(function (name) { nameOf[filters[name]] = name; });

    // An offer of the compact data (katalog.json), by its fields' names.
    function read(compact) {
      var offer = {};
      Object.keys(keys).forEach(function (field) { offer[field] = compact[keys[field]]; });
      return offer;
    }

    // An offer as the data attributes of a server-rendered card (data-KEY="voksne aeldre" …).
    function fromElement(node) {
      var offer = {};
      Object.keys(keys).forEach(function (field) {
        var value = node.getAttribute("data-" + keys[field]);
        if (value !== null) { offer[field] = value; }
      });
      return offer;
    }

    // True when the offer passes every chosen filter (AND). An offer for all difficulties ('alle') passes
    // every problem; the relatives' type passes every offer open to relatives, not only those typed for them.
    function matches(offer, state) {
      for (var name in filters) {
        var wanted = state[name];
        if (!wanted) { continue; }
        var field = filters[name];
        if (field === "kind" && wanted === RELATIVES) {
          if (!openToRelatives(offer)) { return false; }
          continue;
        }
        var values = list(offer[field]);
        if (values.indexOf(wanted) === -1 && !(field === "problems" && values.indexOf(ALL_PROBLEMS) !== -1)) {
          return false;
        }
      }
      return true;
    }

    // [relatives' place, problem's place]: offers for relatives last unless the relatives' filter is on,
    // and an offer that names the chosen problem before one for all difficulties.
    function rankKey(offer, state) {
      var relatives = state[nameOf.kind] === RELATIVES;
      var problem = state[nameOf.problems];
      var place = relatives ? (forRelativesOnly(offer) ? 0 : 1) : (forRelativesOnly(offer) ? 1 : 0);
      var named = !problem || list(offer.problems).indexOf(problem) !== -1 ? 0 : 1;
      return [place, named];
    }

    // A stable sort: real records (confirmed or read from a public page) before examples, then by rankKey;
    // equal keys keep the order they came in (e.g. the municipality's own first).
    function ranked(offers, state) {
      return offers.map(function (offer, index) { return { offer: offer, key: rankKey(offer, state), index: index }; })
        .sort(function (x, y) {
          return (Number(x.offer.example) || 0) - (Number(y.offer.example) || 0) || x.key[0] - y.key[0] ||
            x.key[1] - y.key[1] || x.index - y.index;
        })
        .map(function (item) { return item.offer; });
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

    // The query name of the filter that reads a field, e.g. 'type' for 'kind'.
    function filterOf(field) { return nameOf[field]; }

    return { read: read, fromElement: fromElement, matches: matches, rankKey: rankKey, ranked: ranked,
             arrange: arrange, filterOf: filterOf };
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

  function ready(start) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  }

  // Once the page is ready: setup(form, rule) for the form with this id whose page carries its offers as
  // cards, the rule read from the form's data-udvalg. Nothing happens on a page without the form.
  function withCards(id, setup) {
    ready(function () {
      var form = document.getElementById(id);
      if (form) { setup(form, selection(JSON.parse(form.getAttribute("data-udvalg")))); }
    });
  }

  root.videreUdvalg = { selection: selection, validState: validState, ready: ready, withCards: withCards };
})(window);
