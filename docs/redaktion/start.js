/*
 * The editor's first screen, then the CMS (Sveltia CMS, from /redaktion/npm/).
 *
 * - Only two origins: before the CMS loads, fetch() is wrapped so that a request to any host other than the
 *   site and the forge's API is refused in the browser and never leaves it (the CMS polls GitHub's status page,
 *   www.githubstatus.com, every five minutes; it then shows no status). The page's CSP says the same.
 * - Danish: the CMS picks its language from the browser; Videre's editor is Danish for everyone.
 * - A returning editor (a token is kept in this browser) goes straight to the form; a new one reads the first
 *   screen and presses "Log ind".
 */
const settings = JSON.parse(document.getElementById('videre-redaktion').textContent);
const allowed = new Set([location.origin, settings.forge]);
const pass = new Set(['data:', 'blob:']);
const fetchFromPage = window.fetch.bind(window);
window.videreRefused = [];
window.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (!allowed.has(url.origin) && !pass.has(url.protocol)) {
    window.videreRefused.push(url.href);
    console.warn(`Redaktionen afviste ${url.href}`);
    return Promise.reject(new TypeError(`Redaktionen taler kun med sitet og ${settings.forge}.`));
  }
  return fetchFromPage(input, init);
};

// The CMS offers to switch to the browser's language (an English bar over the form); this page's view of the
// browser's language is Danish, as Videre is.
for (const [name, value] of [['language', 'da'], ['languages', Object.freeze(['da'])]]) {
  Object.defineProperty(navigator, name, { get: () => value, configurable: true });
}
const PREFS = 'sveltia-cms.prefs';
let prefs = {};
try { prefs = JSON.parse(localStorage.getItem(PREFS) || '{}') || {}; } catch { prefs = {}; }
localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'da' }));

// The CMS sets its own viewport, which stops zooming (axe: meta-viewport, WCAG 1.4.4); ours stays.
const viewport = document.querySelector('meta[name="viewport"]');
const ownViewport = viewport.content;
new MutationObserver(() => {
  for (const meta of document.querySelectorAll('meta[name="viewport"]')) {
    if (meta.content !== ownViewport) meta.content = ownViewport;
  }
}).observe(document.head, { subtree: true, childList: true, attributes: true, attributeFilter: ['content'] });

let started = false;
async function start() {
  if (started) return;
  started = true;
  document.getElementById('videre-velkommen')?.remove();
  window.CMS_MANUAL_INIT = true;
  const { startEditor } = await import('./redaktion.js');
  await startEditor(settings.formater);
}

function signedIn() {
  try { return Boolean(JSON.parse(localStorage.getItem('sveltia-cms.user') || '{}')?.token); } catch { return false; }
}

if (signedIn()) {
  start();
} else {
  document.getElementById('videre-log-ind').addEventListener('click', start);
}
