// A municipality's handout: staff narrow the offers to the patient's age and problem before printing.
// The same rule and order as the directory (videre-udvalg.js). The choice lives in the address
// (?alder=…&problem=…), so a narrowed sheet can be bookmarked. Without JavaScript the sheet shows the
// first offers of each group, as built.
(function () {
  "use strict";
  var udvalg = window.videreUdvalg;
  if (!udvalg) { return; }
  udvalg.withCards("ark-udvalg", function (form, rule) {
    var status = document.getElementById("ark-udvalg-status");
    var limits = form.getAttribute("data-graenser").split(" ").map(Number);
    var groups = document.querySelectorAll("[data-ark-gruppe]");
    var notice = "";

    function readState() {
      var state = {};
      Array.prototype.forEach.call(form.elements, function (field) { if (field.name) { state[field.name] = field.value; } });
      return state;
    }

    function update() {
      var state = readState();
      Array.prototype.forEach.call(groups, function (group) {
        var limit = limits[Number(group.getAttribute("data-ark-gruppe"))];
        var empty = group.querySelector(".ark__tom");
        empty.hidden = rule.arrange(group, state, limit, empty) > 0;
      });
      var query = new URLSearchParams();
      Object.keys(state).forEach(function (key) { if (state[key]) { query.set(key, state[key]); } });
      history.replaceState(null, "", query.toString() ? "?" + query.toString() : window.location.pathname);
      status.textContent = notice;
      notice = "";
    }

    var chosen = udvalg.validState(new URLSearchParams(window.location.search), form);
    notice = chosen.invalid.map(function (bad) {
      return "Værdien '" + bad.value + "' findes ikke under " + form.querySelector("label[for='" + bad.field.id + "']").textContent +
        ". Filteret er nulstillet.";
    }).join(" ");
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
