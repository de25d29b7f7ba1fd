/*
 * Starts the editor (Decap CMS) with Videre's own YAML format and the rule that saving confirms a record.
 *
 * The configuration (config.yml) and each kind's schema line and key order (the JSON block
 * "videre-formater" in index.html) are made from the JSON Schemas when the site is built.
 */
import { parse } from './yaml/index.js';
import { recordFormat } from './format.js';

const CMS = window.CMS;
const formats = JSON.parse(document.getElementById('videre-formater').textContent);
for (const [name, spec] of Object.entries(formats)) {
  CMS.registerCustomFormat(name, 'yaml', recordFormat(parse, spec));
}

function today() {
  const now = new Date();
  const pad = n => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Saving is a confirmation: the record gets today's date and stops being an example.
// The unit ("Din enhed") is a required field in the form, so the editor names it.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = entry.get('data');
    if (!data.has('sidst_bekræftet')) return data;
    return data.setIn(['sidst_bekræftet', 'dato'], today()).set('eksempel', false);
  },
});

CMS.init();
