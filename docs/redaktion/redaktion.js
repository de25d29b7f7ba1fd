/*
 * Starts the editor (Sveltia CMS) with Videre's own YAML format and the rule that saving confirms a record.
 *
 * The configuration (config.yml) and each kind's schema line and key order (the JSON block
 * "videre-redaktion" in index.html) are made from the JSON Schemas when the site is built.
 */
import { parse } from './yaml/index.js';
import { recordFormat } from './format.js';
import { confirm } from './bekraeft.js';

export async function startEditor(formats) {
  const { default: CMS } = await import('./npm/index.js');
  for (const [name, spec] of Object.entries(formats)) {
    CMS.registerCustomFormat(name, 'yaml', recordFormat(parse, spec));
  }
  // Saving is a confirmation: today's date, and nothing left that says otherwise (bekraeft.js).
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data');
      if (!data.has('sidst_bekræftet')) return data;
      const confirmed = confirm(data.toJS(), today());
      let out = data;
      for (const key of data.keySeq().toArray()) if (!(key in confirmed)) out = out.delete(key);
      return out.setIn(['sidst_bekræftet', 'dato'], confirmed.sidst_bekræftet.dato);
    },
  });
  await CMS.init();
}

function today() {
  const now = new Date();
  const pad = n => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
