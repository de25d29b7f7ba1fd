// The directory's facets: filters combine (AND), the state lives in the URL, and
// every offer is also reachable without JavaScript through the municipality pages. Which field each
// filter reads, and each field's short key, come with the data (katalog.json's "filtre" and "noegler").
(function () {
  "use strict";

  var PAGE_SIZE = 50;

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

  var udvalg = window.videreUdvalg;
  var rule = udvalg.selection({ filtre: {}, noegler: {} });  // until the data has come

  function matches(offer, state) {
    if (state.kommune && offer.reach !== null && !offer.reach[state.kommune]) { return false; }
    return rule.matches(offer, state);
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
    var status = document.getElementById("videre-ugyldig");
    function labelsOf(select) {
      var found = {};
      Array.prototype.forEach.call(select.options, function (o) { found[o.value] = o.textContent; });
      return found;
    }
    var kindLabels = {};
    var routeLabels = {};
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

    // The way in and the first contact line: what staff need before they open the offer.
    function facts(offer) {
      var list = element("dl", "videre-fakta");
      list.appendChild(element("dt", "", "Sådan kommer man i gang"));
      list.appendChild(element("dd", "", offer.routes.map(function (h) { return routeLabels[h] || h; }).join("; ")));
      list.appendChild(element("dt", "", "Kontakt"));
      var role = offer.contact[0], phoneNumber = offer.contact[1], email = offer.contact[2];
      var contact = element("dd", "", role);
      if (phoneNumber) {
        contact.appendChild(document.createTextNode(", "));
        var phone = element("a", "", phoneNumber);
        phone.href = "tel:" + phoneNumber.replace(/ /g, "");
        contact.appendChild(phone);
      }
      if (email) {
        contact.appendChild(document.createTextNode(", "));
        var mail = element("a", "videre-email", email);
        mail.href = "mailto:" + email;
        contact.appendChild(mail);
      }
      list.appendChild(contact);
      return list;
    }

    // With no result: name the filter to loosen.
    function loosen(state) {
      // The filter whose removal brings back the most offers; the patient's municipality only as a last resort.
      function widest(names) {
        var best = null;
        names.forEach(function (name) {
          var wider = {};
          Object.keys(state).forEach(function (key) { wider[key] = key === name ? "" : state[key]; });
          var count = offers.filter(function (offer) { return matches(offer, wider); }).length;
          if (count > 0 && (!best || count > best.count)) { best = { name: name, count: count }; }
        });
        return best;
      }
      var chosen = Object.keys(state).filter(function (name) { return state[name]; });
      var best = widest(chosen.filter(function (name) { return name !== "kommune"; })) ||
        widest(chosen.filter(function (name) { return name === "kommune"; }));
      if (!best) { return "Ingen tilbud passer. Nulstil filtrene for at se alle tilbud."; }
      var label = form.querySelector("label[for='filter-" + best.name + "']").textContent;
      return "Ingen tilbud passer. Vælg en anden værdi under " + label + ", så passer " +
        (best.count === 1 ? "1 tilbud." : best.count + " tilbud.");
    }

    function examplesHeading() {
      // Real offers come first (rule.ranked puts examples last); the examples follow under their own heading.
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
        if (offer.example && (!before || !before.example)) { fragment.appendChild(examplesHeading()); }
        var item = element("li", "videre-kort" + (offer.example ? " videre-kort--eksempel" :
          offer.sourced_badge ? " videre-kort--offentlig" : ""));
        first = first || item;
        var heading = element("h2", "videre-kort__titel");
        var link = element("a", "", offer.title);
        link.href = root + offer.url;
        heading.appendChild(link);
        if (offer.example) {
          heading.appendChild(document.createTextNode(" "));
          heading.appendChild(element("span", "videre-maerke videre-maerke--eksempel", exampleBadge));
        } else if (offer.sourced_badge) {
          heading.appendChild(document.createTextNode(" "));
          heading.appendChild(element("span", "videre-maerke videre-maerke--offentlig", offer.sourced_badge));
        }
        item.appendChild(heading);
        item.appendChild(element("p", "videre-kort__type", (kindLabels[offer.kind] || offer.kind) + " · " +
          offer.owner_name));
        item.appendChild(element("p", "", offer.description));
        item.appendChild(facts(offer));
        fragment.appendChild(item);
      });
      list.appendChild(fragment);
      shown += slice.length;
      more.hidden = shown >= found.length;
      return first;
    }

    function update() {
      var state = readState();
      found = rule.ranked(offers.filter(function (offer) { return matches(offer, state); }), state);
      count.textContent = found.length === 0 ? loosen(state) :
        found.length === 1 ? "1 tilbud passer" : found.length + " tilbud passer";
      render(true);
      var query = new URLSearchParams();
      Object.keys(state).forEach(function (key) { if (state[key]) { query.set(key, state[key]); } });
      var search = query.toString();
      history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }

    // A value in the address that no filter offers is shown and dropped, never silently ignored.
    var chosen = udvalg.validState(new URLSearchParams(window.location.search), form);
    if (chosen.invalid.length) {
      status.textContent = chosen.invalid.map(function (bad) {
        var label = form.querySelector("label[for='" + bad.field.id + "']").textContent;
        return "Adressen havde værdien '" + bad.value + "' under " + label + ". Den findes ikke, så filteret er nulstillet.";
      }).join(" ");
      status.hidden = false;
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { status.hidden = true; window.setTimeout(update, 0); });
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
        rule = udvalg.selection(data);
        kindLabels = labelsOf(form.elements[rule.filterOf("kind")]);
        routeLabels = labelsOf(form.elements[rule.filterOf("routes")]);
        offers = data.tilbud.map(function (compact) {
          var offer = rule.read(compact);
          offer.reach = expandCoverage(offer.coverage, data.regioner);
          return offer;
        });
        form.setAttribute("data-klar", "true");
        update();
      })
      .catch(function () {
        count.textContent = "Tilbuddene kunne ikke hentes. Brug kommunesiderne i stedet.";
      });
  }

  udvalg.ready(start);
})();
