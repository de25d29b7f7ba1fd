// Discharge handouts and offer pages: show the print button and open the browser's print dialogue. Nothing else.
(function () {
  "use strict";
  function start() {
    var buttons = document.querySelectorAll("[data-udskriv]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () { window.print(); });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
