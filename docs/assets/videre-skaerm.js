// Info screens (skaerm/<slug>/ and skaerm/<slug>/kiosk/): rotate the slides that are already in the page.
// - Every slide is in the one HTML document; this script only shows and hides them, so it runs offline.
// - The kiosk polls version.json; after a rebuild it fetches the new page in the background and swaps the
//   slides in one step, only when the whole page arrived. A failed fetch changes nothing.
// - Slides that are empty, marked broken or too big for the screen are skipped.
// - One timer per task, a fixed set of listeners, no growing lists: memory stays flat for days.
// - Query parameters for tests and set-up: ?sekunder=N (seconds per slide), ?opdater=N (poll interval).
// No storage, no cookies, no other host.
(function () {
  "use strict";
  var root = document.documentElement;
  var params = new URLSearchParams(window.location.search);
  var kiosk = root.classList.contains("skaerm--kiosk");
  var DAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  var SHIFT_MS = 180000;   // move the content a few pixels every 3 minutes (burn-in)
  var FADE_MS = 900;
  var clock = null;
  try {
    clock = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", weekday: "short",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  } catch (e) { clock = null; }

  var state = {
    seconds: 12, pollSeconds: 60, order: [], groups: {}, hours: null, slot: 0,
    current: null, previous: null, all: null,
    timer: 0, fadeTimer: 0, pollTimer: 0, resizeTimer: 0,
    paused: false, stopped: false, held: false, closed: false, busy: false, changes: 0
  };
  var scene = document.getElementById("skaerm-scene");
  var status = document.getElementById("skaerm-status");
  var buttons = {};

  function number(value, fallback, min, max) {
    var n = parseFloat(value);
    return isFinite(n) && n >= min && n <= max ? n : fallback;
  }

  function readSettings(from) {
    state.seconds = number(params.get("sekunder"), number(from.getAttribute("data-sekunder"), 12, 1, 600), 0.2, 600);
    state.pollSeconds = number(params.get("opdater"), number(from.getAttribute("data-opdater"), 60, 5, 3600), 0.2, 3600);
    state.order = (from.getAttribute("data-raekkefoelge") || "").split(" ").filter(Boolean);
    state.hours = parseHours(from.getAttribute("data-aabningstider"));
  }

  // "1:450-960 2:450-960" → hours[1] = [450, 960]; null when the page has no opening hours (public page).
  function parseHours(text) {
    if (text === null) { return null; }
    var hours = [null, null, null, null, null, null, null, null];
    text.split(" ").forEach(function (item) {
      var m = /^([1-7]):([0-9]+)-([0-9]+)$/.exec(item);
      if (m) { hours[+m[1]] = [+m[2], +m[3]]; }
    });
    return hours;
  }

  function danishNow() {
    var d = new Date();
    if (!clock) { return { day: d.getDay() || 7, minutes: d.getHours() * 60 + d.getMinutes() }; }
    var day = 1, minutes = 0;
    clock.formatToParts(d).forEach(function (part) {
      if (part.type === "weekday") { day = DAYS[part.value] || 1; }
      else if (part.type === "hour") { minutes += 60 * (+part.value % 24); }
      else if (part.type === "minute") { minutes += +part.value; }
    });
    return { day: day, minutes: minutes };
  }

  function isOpen() {
    if (!state.hours) { return true; }
    var now = danishNow(), span = state.hours[now.day];
    return !!span && now.minutes >= span[0] && now.minutes < span[1];
  }

  function collect(container) {
    state.all = container.querySelectorAll(".dias");
    state.groups = {};
    for (var i = 0; i < state.all.length; i++) {
      var name = state.all[i].getAttribute("data-gruppe");
      if (!state.groups[name]) { state.groups[name] = { slides: [], next: 0 }; }
      state.groups[name].slides.push(state.all[i]);
    }
    state.slot = 0;
  }

  function tooBig(slide) {
    return slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1;
  }

  // A slide is shown only when it has text and fits on the screen. A slide that is too big first
  // loses its details (class dias--kompakt); if it still does not fit, it is skipped.
  function checkSlides() {
    for (var i = 0; i < state.all.length; i++) {
      var slide = state.all[i];
      if (slide.getAttribute("data-fejl") === "for-stor") { slide.removeAttribute("data-fejl"); }
      slide.classList.remove("dias--kompakt");
      if (slide.hasAttribute("data-fejl")) { continue; }
      if (!slide.textContent.trim() || !slide.querySelector(".dias__titel")) {
        slide.setAttribute("data-fejl", "tom");
      } else if (kiosk && tooBig(slide)) {
        slide.classList.add("dias--kompakt");
        if (tooBig(slide)) { slide.setAttribute("data-fejl", "for-stor"); }
      }
    }
  }

  function usable(slide) { return !slide.hasAttribute("data-fejl"); }

  function nextSlide() {
    var n = state.order.length;
    for (var tries = 0; tries < n; tries++) {
      var group = state.groups[state.order[state.slot]];
      state.slot = (state.slot + 1) % n;
      if (!group) { continue; }
      for (var k = 0; k < group.slides.length; k++) {
        var slide = group.slides[group.next];
        group.next = (group.next + 1) % group.slides.length;
        if (usable(slide)) { return slide; }
      }
    }
    return null;
  }

  function clearPrevious() {
    if (state.previous) { state.previous.classList.remove("var-vist"); }
    state.previous = null;
  }

  function show(slide, instantly) {
    if (!slide || slide === state.current) { return; }
    clearTimeout(state.fadeTimer);
    clearPrevious();
    if (state.current) {
      state.current.classList.remove("er-vist", "dias--straks");
      state.current.classList.add("var-vist");
      state.previous = state.current;
      state.fadeTimer = setTimeout(clearPrevious, FADE_MS);
    }
    slide.classList.toggle("dias--straks", !!instantly);
    slide.classList.add("er-vist");
    state.current = slide;
    state.changes += 1;
    root.setAttribute("data-skift", String(state.changes));
    updateStatus();
  }

  function updateStatus() {
    if (!status || !state.current) { return; }
    var index = Array.prototype.indexOf.call(state.all, state.current) + 1;
    var word = state.stopped ? "Alle dias vises" : state.paused ? "Pause" : "Skifter selv";
    status.textContent = "Dias " + index + " af " + state.all.length + ". " + word + ".";
  }

  function shiftAgainstBurnIn() {
    if (!scene) { return; }
    var step = Math.floor(Date.now() / SHIFT_MS) % 8;
    for (var i = 0; i < 8; i++) { scene.classList.toggle("skift-" + i, i === step); }
  }

  function setClosed(closed) {
    if (closed === state.closed) { return; }
    state.closed = closed;
    root.classList.toggle("skaerm--lukket", closed);
  }

  function tick() {
    clearTimeout(state.timer);
    var open = isOpen();
    setClosed(!open);
    if (open && !state.paused && !state.stopped && !state.held) { show(nextSlide(), false); }
    if (kiosk) { shiftAgainstBurnIn(); }
    state.timer = setTimeout(tick, (open ? state.seconds : Math.min(state.seconds, 30)) * 1000);
  }

  function restart() {
    clearTimeout(state.timer);
    state.timer = setTimeout(tick, state.seconds * 1000);
  }

  // ------------------------------------------------------------ new content after a rebuild

  function swapIn(html, version) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var end = doc.getElementById("skaerm-slut");
    var fresh = doc.getElementById("skaerm-indhold");
    var old = document.getElementById("skaerm-indhold");
    if (!end || !fresh || !old || end.getAttribute("data-version") !== version) { return; }
    if (!fresh.querySelector(".dias .dias__titel")) { return; }
    var node = document.importNode(fresh, true);
    var marked = node.querySelectorAll(".er-vist, .var-vist");
    for (var i = 0; i < marked.length; i++) { marked[i].classList.remove("er-vist", "var-vist"); }
    readSettings(doc.documentElement);
    root.setAttribute("data-version", version);
    clearTimeout(state.fadeTimer);
    state.previous = null;
    state.current = null;
    collect(node);
    var first = nextSlide();
    if (first) { first.classList.add("er-vist", "dias--straks"); }
    old.parentNode.replaceChild(node, old);   // one step: the new first slide is visible in the same frame
    state.current = first;
    checkSlides();
    if (first && !usable(first)) { show(nextSlide(), true); }
    updateStatus();
    restart();
  }

  function poll() {
    clearTimeout(state.pollTimer);
    state.pollTimer = setTimeout(poll, state.pollSeconds * 1000);
    var versionUrl = root.getAttribute("data-version-url");
    if (state.busy || !versionUrl || !window.fetch) { return; }
    state.busy = true;
    fetch(versionUrl, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || typeof data.version !== "string" || data.version === root.getAttribute("data-version")) { return null; }
        return fetch(root.getAttribute("data-side-url") || "./", { cache: "no-store" })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (text) { if (text) { swapIn(text, data.version); } });
      })
      .catch(function () { /* offline or half-written: keep what we have */ })
      .then(function () { state.busy = false; });
  }

  // ------------------------------------------------------------ controls on the public page (WCAG 2.2.2)

  function label(name, text) { if (buttons[name]) { buttons[name].textContent = text; } }

  function setPaused(paused) {
    state.paused = paused;
    label("pause", paused ? "Fortsæt" : "Pause");
    if (status) { status.setAttribute("aria-live", paused || state.stopped ? "polite" : "off"); }
    updateStatus();
  }

  function setStopped(stopped) {
    state.stopped = stopped;
    root.classList.toggle("skaerm--stoppet", stopped);
    label("stop", stopped ? "Start igen" : "Stop");
    if (buttons.pause) { buttons.pause.disabled = stopped; }
    if (buttons.naeste) { buttons.naeste.disabled = stopped; }
    setPaused(false);
    restart();
  }

  function wireControls() {
    var found = document.querySelectorAll("[data-handling]");
    for (var i = 0; i < found.length; i++) { buttons[found[i].getAttribute("data-handling")] = found[i]; }
    if (buttons.pause) { buttons.pause.addEventListener("click", function () { setPaused(!state.paused); }); }
    if (buttons.stop) { buttons.stop.addEventListener("click", function () { setStopped(!state.stopped); }); }
    if (buttons.naeste) {
      buttons.naeste.addEventListener("click", function () { show(nextSlide(), false); restart(); });
    }
    if (scene && !kiosk) {
      // Hold still while the reader points at or tabs into a slide.
      scene.addEventListener("focusin", function () { state.held = true; });
      scene.addEventListener("focusout", function () { state.held = false; });
      scene.addEventListener("mouseenter", function () { state.held = true; });
      scene.addEventListener("mouseleave", function () { state.held = false; });
    }
  }

  function start() {
    var container = document.getElementById("skaerm-indhold");
    if (!container) { return; }
    root.classList.add("js");
    readSettings(root);
    collect(container);
    checkSlides();
    var initial = container.querySelector(".dias.er-vist");
    var first = nextSlide();
    if (initial && initial !== first) { initial.classList.remove("er-vist"); }
    show(first, initial === first);
    setClosed(!isOpen());
    if (kiosk) { shiftAgainstBurnIn(); }
    wireControls();
    window.addEventListener("resize", function () {
      clearTimeout(state.resizeTimer);
      state.resizeTimer = setTimeout(checkSlides, 300);
    });
    restart();
    if (root.getAttribute("data-version-url")) {
      state.pollTimer = setTimeout(poll, state.pollSeconds * 1000);
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
