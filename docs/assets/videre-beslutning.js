// Decision aid "Skal patienten have en genoptræningsplan?" (beslutning/).
// It stores nothing: no cookies, no localStorage or sessionStorage, no answers in the URL.
// The answers live only in the form on the page. Without JavaScript the page is a printable checklist.
(function () {
  "use strict";

  // THE RULE. This is the only place it is written. The page says it in words under
  // "Sådan virker tjeklisten", and tests/test_guidance_pages.py derives every combination itself.
  //   1. a criterion not answered yet                      -> "ikke-faerdig" (no result yet)
  //   2. every criterion "ja" and at least one domain      -> "gop"
  //   3. every criterion "ja" but no domain ticked         -> "vaelg-omraade"
  //   4. any criterion "usikker"                           -> "laege" (talk to the doctor)
  //   5. otherwise: a "nej" and no "usikker"               -> "andre" (other efforts)
  function decide(answers, domainCount) {
    if (answers.some(function (answer) { return !answer; })) { return "ikke-faerdig"; }
    if (answers.every(function (answer) { return answer === "ja"; })) {
      return domainCount > 0 ? "gop" : "vaelg-omraade";
    }
    if (answers.indexOf("usikker") !== -1) { return "laege"; }
    return "andre";
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function startChecklist() {
    var form = document.getElementById("videre-beslutning");
    var result = document.getElementById("beslutning-resultat");
    if (!form || !result) { return; }
    var status = document.getElementById("beslutning-status");
    var heading = document.getElementById("beslutning-resultat-titel");
    var criteria = form.querySelectorAll("fieldset[data-kriterium]");
    var outcomes = result.querySelectorAll(".videre-udfald");
    result.classList.add("videre-resultat--aktiv");
    heading.textContent = "Resultat";

    function update() {
      var answers = [];
      each(criteria, function (fieldset) {
        var checked = fieldset.querySelector("input[type=radio]:checked");
        answers.push(checked ? checked.value : "");
      });
      var domains = form.querySelectorAll("input[name=omraade]:checked").length;
      var outcome = decide(answers, domains);
      result.setAttribute("data-udfald", outcome);
      var shown = null;
      each(outcomes, function (block) {
        var match = block.getAttribute("data-udfald") === outcome;
        block.hidden = !match;
        if (match) { shown = block; }
      });
      // The result's own heading says it on screen; the status only announces it (no heading twice).
      status.classList.toggle("videre-skjult-tekst", !!shown);
      if (shown) {
        status.textContent = "Resultat: " + shown.querySelector("h3").textContent + ".";
      } else {
        var missing = answers.filter(function (answer) { return !answer; }).length;
        status.textContent = "Svar på alle " + answers.length + " spørgsmål for at se resultatet. Du mangler " +
          missing + ".";
      }
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  }

  function startMunicipality() {
    var box = document.getElementById("beslutning-kommunevalg");
    if (!box) { return; }
    var select = document.getElementById("beslutning-kommune");
    var wrapper = document.getElementById("beslutning-kommune-link-tekst");
    var link = document.getElementById("beslutning-kommune-link");
    box.hidden = false;

    function update() {
      var option = select.options[select.selectedIndex];
      wrapper.hidden = !select.value;
      if (select.value) {
        link.href = option.getAttribute("data-side");  // written by the page builder, for any URL scheme
        link.textContent = "Gå til siden for " + option.textContent + ": modtager af planer og tilbud";
      }
    }

    select.addEventListener("change", update);
    update();
  }

  function start() {
    startChecklist();
    startMunicipality();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
