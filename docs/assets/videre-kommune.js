// A municipality page: show only the offers for the patient's problem, with the directory's rule and order
// (videre-udvalg.js). The choice lives in the address (?problem=…). Without JavaScript every offer shows.
(function () {
  "use strict";
  var udvalg = window.videreUdvalg;
  if (!udvalg) { return; }
  udvalg.withCards("videre-kommunefilter", function (form, rule) {
    var count = document.getElementById("videre-kommuneantal");
    var select = form.elements.problem;
    var lists = document.querySelectorAll(".videre-kort-liste[data-gruppe]");
    var total = 0;
    Array.prototype.forEach.call(lists, function (list) { total += list.querySelectorAll("article").length; });
    var notice = "";

    function update() {
      var state = { problem: select.value };
      var shown = 0;
      Array.prototype.forEach.call(lists, function (list) {
        var fitting = rule.arrange(list, state);
        shown += fitting;
        list.hidden = fitting === 0;
        var heading = list.previousElementSibling;
        if (heading && /^H[2-4]$/.test(heading.tagName)) { heading.hidden = fitting === 0; }
      });
      var label = select.options[select.selectedIndex].textContent;
      count.textContent = notice + (state.problem ? shown + " af " + total + " tilbud passer til " + label +
        (shown ? ". Tilbud netop til det står først." : ". Vælg 'Alle problemer' for at se alle.") : "");
      notice = "";
      var query = state.problem ? "?problem=" + encodeURIComponent(state.problem) : window.location.pathname;
      history.replaceState(null, "", query + window.location.hash);
    }

    var chosen = udvalg.validState(new URLSearchParams(window.location.search), form);
    if (chosen.invalid.length) {
      notice = "Værdien '" + chosen.invalid[0].value + "' findes ikke under Patientens problem. Filteret er nulstillet. ";
    }
    form.hidden = false;
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
