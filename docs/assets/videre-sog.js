// Starts Pagefind's Danish search UI and runs the query from ?q= (the front page form).
(function () {
  "use strict";
  // How Pagefind ranks results (its defaults: termSimilarity 1, pageLength 0.75). A word typed in full
  // beats a longer word it is the start of, so "Vejen" finds Vejen Kommune before "vejledning"; and a
  // long guidance page is not pushed below a short offer that repeats the word once. Measured with
  // tests/search/test_search.py (recall@5 and the place-name ranks), which reads the values from here.
  var RANKING = { termSimilarity: 4, pageLength: 0.4 };
  // A large site has several indexes of bounded size (videre/search/pagefind.py: Pagefind's search costs
  // the square of the pages a word is on); the first one lists the others in its pagefind-entry.json.
  var script = document.currentScript;
  var bundle = new URL("../pagefind/", script ? script.src : window.location.href);
  var parts = window.fetch(new URL("pagefind-entry.json", bundle).href)
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (entry) {
      return (entry.videre_dele || []).map(function (part) { return new URL(part, bundle).pathname; });
    })
    .catch(function () { return []; });
  // Hidden search words (ASCII spellings, other names, everyday words for codes) are indexed, but they are
  // not the page's text. videre/search/spelling.py marks where each hidden element starts and ends with
  // ids (videre-skjult-NAME and videre-skjult-NAME-slut) that Pagefind reports as anchors. The excerpt and
  // the sub-results are made again here from the visible words only; a word the query matched only in its
  // hidden ASCII spelling ("genoptraening") marks the page's own word ("genoptræning").
  var HIDDEN = /^videre-skjult-(.+?)(-slut)?$/;
  var EXCERPT = 30;  // words, as Pagefind's own excerpts
  function fold(word) { return word.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa"); }
  function plain(word) { return word.replace(/[æå]/g, "a").replace(/ø/g, "o"); }
  function bare(word) { return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); }
  function hiddenRanges(anchors) {
    var open = {}, ranges = [];
    anchors.forEach(function (anchor) {
      var match = HIDDEN.exec(anchor.id || "");
      if (!match) { return; }
      if (!match[2]) { open[match[1]] = anchor.location; }
      else if (match[1] in open) { ranges.push([open[match[1]], anchor.location]); delete open[match[1]]; }
    });
    return ranges;
  }
  // The densest run of EXCERPT words among `seq` (positions of visible words), the middle one of equal runs
  // (as Pagefind chooses), with the matched words marked.
  function excerpt(words, seq, scores) {
    var sums = [], sum = 0, best = 0, i;
    for (i = 0; i < seq.length; i++) { sum += scores[seq[i]] || 0; sums.push(sum); }
    var starts = [0];
    for (i = 0; i + EXCERPT <= seq.length || i === 0; i++) {
      var total = (sums[Math.min(i + EXCERPT, seq.length) - 1] || 0) - (i ? sums[i - 1] : 0);
      if (total > best) { best = total; starts = [i]; } else if (total === best && best > 0) { starts.push(i); }
    }
    var start = starts[Math.floor((starts.length - 1) / 2)];
    return seq.slice(start, start + EXCERPT).map(function (at) {
      return scores[at] ? "<mark>" + words[at] + "</mark>" : words[at];
    }).join(" ");
  }
  function visibleResult(data) {
    var ranges = hiddenRanges(data.anchors || []);
    if (!ranges.length || typeof data.raw_content !== "string") { return data; }
    var words = data.raw_content.split(/[\r\n\s]+/g);
    var hidden = function (at) { return ranges.some(function (r) { return at >= r[0] && at < r[1]; }); };
    var scores = {}, wanted = {}, any = false;
    data.weighted_locations.forEach(function (found) {
      if (!hidden(found.location)) { scores[found.location] = found.balanced_score; any = true; return; }
      var word = bare(words[found.location] || "");
      if (word) { wanted[fold(word)] = Math.max(wanted[fold(word)] || 0, found.balanced_score); }
    });
    // Most queries match visible words only. Otherwise a cheap look at a word's first letters comes before
    // the full comparison (a catalogue page has thousands of words).
    var firsts = {};
    Object.keys(wanted).forEach(function (key) { firsts[key.charAt(0)] = true; });
    var seq = [], mapping = Object.keys(firsts).length > 0;
    words.forEach(function (word, at) {
      if (hidden(at)) { return; }
      seq.push(at);
      if (!mapping || !(firsts[fold(word.charAt(0).toLowerCase()).charAt(0)] ||
                        firsts[fold(word.charAt(1).toLowerCase()).charAt(0)])) { return; }
      var key = bare(word);
      var score = key && (wanted[fold(key)] || wanted[plain(key)]);
      if (score && !scores[at]) { scores[at] = score; any = true; }
    });
    var located = Object.keys(scores).map(Number).sort(function (a, b) { return a - b; });
    var url = (data.meta && data.meta.url) || data.url;
    var headings = (data.anchors || []).filter(function (a) { return /h\d/i.test(a.element) && a.text && /\S/.test(a.text); })
      .sort(function (a, b) { return a.location - b.location; });
    var sections = [{ title: data.meta && data.meta.title, url: url, from: 0 }].concat(headings.map(function (a) {
      return { title: a.text, url: url + "#" + a.id, from: a.location };
    }));
    var subs = [];
    sections.forEach(function (section, n) {
      var to = n + 1 < sections.length ? sections[n + 1].from : words.length;
      var inside = located.filter(function (at) { return at >= section.from && at < to; });
      if (!inside.length) { return; }
      subs.push({ title: section.title, url: section.url, anchor: headings[n - 1], locations: inside,
                  weighted_locations: inside.map(function (at) { return { weight: 1, balanced_score: scores[at], location: at }; }),
                  excerpt: excerpt(words, seq.filter(function (at) { return at >= section.from && at < to; }), scores) });
    });
    data.excerpt = any ? excerpt(words, seq, scores) : seq.slice(0, EXCERPT).map(function (at) { return words[at]; }).join(" ");
    data.locations = located;
    data.sub_results = subs;
    return data;
  }
  // "Mente du …?": Pagefind has no typo tolerance, and a typo ("depresion") finds pages that share the start
  // of the word, not the right ones. The build writes the words readers see on the indexed pages, the most
  // common first (videre/search/words.py); a typed word that is none of them, nor the start of one, is
  // replaced by the most common word within a small edit distance (counted on the ASCII spelling, so
  // "paaroerene" finds "pårørende"). The list is fetched the first time it is needed.
  var words = null;
  function wordList() {
    if (!words) {
      words = window.fetch(new URL("videre-ord.json", bundle).href)
        .then(function (response) { return response.ok ? response.json() : { ord: [] }; })
        .then(function (data) {
          var list = data.ord || [];
          return { words: list, folded: list.map(fold) };  // folded once, not on every comparison
        })
        .catch(function () { return { words: [], folded: [] }; });
    }
    return words;
  }
  // Edit distance with transposed neighbours (Damerau, optimal string alignment), or limit + 1 beyond limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) { rows.push([i]); }
    for (j = 1; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var low = limit + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { value = Math.min(value, rows[i - 2][j - 2] + 1); }
        rows[i][j] = value;
        low = Math.min(low, value);
      }
      if (low > limit) { return limit + 1; }
    }
    return rows[a.length][b.length];
  }
  function closest(word, list) {
    var typed = fold(word);
    var limit = typed.length >= 8 ? 2 : 1;
    var best = null, bestDistance = limit + 1;
    for (var i = 0; i < list.folded.length && bestDistance > 1; i++) {
      var found = distance(typed, list.folded[i], Math.min(limit, bestDistance - 1));
      if (found < bestDistance) { best = list.words[i]; bestDistance = found; }
    }
    return best;
  }
  // The query with each word that the site does not have replaced by its closest word; null when none is.
  function suggest(query, list) {
    var known = function (word) {
      var typed = fold(word);
      return list.folded.some(function (folded) { return folded.indexOf(typed) === 0; });
    };
    var changed = false;
    var out = query.trim().split(/\s+/).map(function (word) {
      var key = bare(word);
      if (key.length < 4 || /\d/.test(key) || known(key)) { return word; }
      var better = closest(key, list);
      if (!better) { return word; }
      changed = true;
      return better;
    });
    return changed ? out.join(" ") : null;
  }
  window.videreSoegning = { ranking: RANKING, dele: parts, synligt: visibleResult,
                            forslag: function (query) { return wordList().then(function (list) { return suggest(query, list); }); } };
  // Shows the suggestion under the search field once the results for a query are shown: when a word of the
  // query is not among the site's words, or when there are no results. One click searches for it.
  function offerSuggestions(ui, host) {
    var box = document.createElement("p");
    box.className = "videre-mente";
    box.hidden = true;
    box.setAttribute("aria-live", "polite");
    var asked = "";
    function show(query, suggestion) {
      box.textContent = "";
      if (!suggestion) { box.hidden = true; return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "videre-mente__forslag";
      button.textContent = suggestion;
      button.addEventListener("click", function () {
        var field = host.querySelector("input");
        if (field) { field.value = suggestion; }
        ui.triggerSearch(suggestion);
      });
      box.append("Mente du ", button, "?");
      box.hidden = false;
    }
    function check() {
      var field = host.querySelector("input");
      var message = host.querySelector(".pagefind-ui__message");
      // Right under the field, above the filters and results (Pagefind's drawer, which comes and goes).
      var drawer = host.querySelector(".pagefind-ui__drawer");
      if (drawer && box.nextSibling !== drawer) { drawer.parentNode.insertBefore(box, drawer); }
      var query = field ? field.value.trim() : "";
      if (!query || !message) { if (!query) { show("", null); } return; }
      var key = query + "\u0000" + message.textContent;
      if (key === asked) { return; }
      asked = key;
      window.videreSoegning.forslag(query).then(function (suggestion) {
        if (field.value.trim() === query) { show(query, suggestion); }
      });
    }
    // After the results are drawn, never before: the suggestion waits for the browser to be idle.
    var waiting = false;
    var later = "requestIdleCallback" in window ? function (task) { window.requestIdleCallback(task, { timeout: 500 }); }
      : function (task) { window.setTimeout(task, 50); };
    new MutationObserver(function () {
      if (waiting) { return; }
      waiting = true;
      later(function () { waiting = false; check(); });
    }).observe(host, { childList: true, subtree: true, characterData: true });
  }
  function start(dele) {
    var host = document.getElementById("videre-soeg");
    if (!host || typeof PagefindUI === "undefined") { return; }
    // Pagefind waits 300 ms after the last key press by default; that alone used up the budget for the
    // first result (make bench: first result <= 300 ms after typing). A search takes ~20-60 ms here.
    var ui = new PagefindUI({ element: "#videre-soeg", showSubResults: true, showImages: false,
                              showEmptyFilters: false, processResult: visibleResult,
                              debounceTimeoutMs: 50, ranking: RANKING,
                              mergeIndex: dele.map(function (path) { return { bundlePath: path, ranking: RANKING }; }) });
    offerSuggestions(ui, host);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); return; }
    // The UI loads Pagefind (its WebAssembly and index metadata) when the field gets focus. This page
    // exists to search, so load it as soon as the browser is idle: the first result then only waits for
    // the index chunk of the word typed. The focus event is synthetic; focus itself does not move.
    var warm = function () {
      var field = host.querySelector("input");
      if (field) { field.dispatchEvent(new FocusEvent("focus")); }
    };
    if ("requestIdleCallback" in window) { window.requestIdleCallback(warm, { timeout: 1000 }); }
    else { window.setTimeout(warm, 200); }
  }
  function ready() { parts.then(start); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
