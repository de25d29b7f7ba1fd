/*
 * Videre's YAML format for the editor: reads a record and writes it back in the
 * style of the hand-written records, so that a saved record's diff shows only
 * the fields that changed.
 *
 * - The schema line ("# yaml-language-server: $schema=...") stays on top.
 * - Keys follow the field table's order (the JSON Schema's property order).
 * - Code lists are written inline ("[a, b]"), maps of numbers too ("{fra: 18, til: 120}").
 * - Text with line breaks becomes a literal block ("|", so it ends with one line break); other text stays on one line,
 *   in double quotes only where plain YAML would read it as something else
 *   (a number, a date, true/false, or text with ": " or " #").
 * - Empty values (an empty text, list or group, a flag that is false) are left out, as a hand-written record would.
 *
 * Pure and independent of the browser: the YAML parser is passed in, so the same code
 * runs in the editor and in the test that writes every record back unchanged.
 */

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const LOOKS_NUMERIC = /^[-+]?(\.?[0-9]|\.(inf|nan)$)/i;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/;

function isEmpty(value) {
  // false too: the form gives every yes/no field a value, and an unset flag is left out, as in the hand-written
  // records (none of the editable ones writes 'false').
  if (value === null || value === undefined || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

function needsQuotes(text, flow) {
  return text === '' || text !== text.trim() || PLAIN_START.test(text) || LOOKS_NUMERIC.test(text)
    || RESERVED.test(text) || CONTROL.test(text) || /\t|\r|\n/.test(text)
    || /: |:$| #/.test(text) || (flow && /[,[\]{}]/.test(text));
}

function scalar(value, flow = false) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  // JSON leaves U+007F–009F, U+2028, U+2029 and U+FEFF as they are; in YAML, U+0085, U+2028 and U+2029 are line
  // breaks (folded to a space when read) and the rest is not printable, so they are escaped (found with BLNS).
  return needsQuotes(text, flow)
    ? JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g,
      c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    : text;
}

function literalBlock(text, indent) {
  // A literal block keeps every line as written; its indicator says how the last line ends.
  if (/^[ \t]/.test(text) || /\r|\t/.test(text) || CONTROL.test(text)) return null;
  // Clip ('|'), as in every hand-written record: the text ends with one line break. The form's text areas drop
  // that last line break, and writing it back as '|-' would show every saved text as changed.
  const chomp = text.endsWith('\n\n') ? '+' : '';
  const body = text.replace(/\n+$/, '').split('\n')
    .map(line => (line === '' ? '' : indent + '  ' + line)).join('\n');
  return `|${chomp}\n${body}` + (chomp === '+' ? '\n'.repeat(text.length - text.replace(/\n+$/, '').length - 1) : '');
}

function ordered(map, order) {
  const known = Object.keys(order || {});
  const keys = Object.keys(map);
  return [...known.filter(k => keys.includes(k)), ...keys.filter(k => !known.includes(k))];
}

function isScalar(value) {
  return value === null || typeof value !== 'object';
}

function lines(map, order, indent) {
  const out = [];
  for (const key of ordered(map, order)) {
    const value = map[key];
    if (isEmpty(value)) continue;
    const sub = order && order[key] ? order[key] : null;
    const head = `${indent}${key}:`;
    if (Array.isArray(value)) {
      const items = value.filter(item => !isEmpty(item));
      if (items.every(isScalar)) {
        out.push(`${head} [${items.map(item => scalar(item, true)).join(', ')}]`);
      } else {
        out.push(head);
        for (const item of items) {
          const inner = lines(item, sub, indent + '  ');
          out.push(indent + '- ' + inner[0].trimStart(), ...inner.slice(1));
        }
      }
    } else if (typeof value === 'object') {
      const entries = ordered(value, sub).filter(k => !isEmpty(value[k]));
      if (entries.every(k => typeof value[k] === 'number')) {
        out.push(`${head} {${entries.map(k => `${k}: ${value[k]}`).join(', ')}}`);
      } else {
        out.push(head, ...lines(value, sub, indent + '  '));
      }
    } else if (typeof value === 'string' && value.includes('\n') && literalBlock(value, indent)) {
      out.push(`${head} ${literalBlock(value, indent)}`);
    } else {
      out.push(`${head} ${scalar(value)}`);
    }
  }
  return out;
}

/** A custom CMS format ({fromFile, toFile}, CMS.registerCustomFormat) for one kind of record. */
export function recordFormat(parse, { schemaLine, order }) {
  return {
    fromFile(content) {
      const data = parse(content);
      return data && typeof data === 'object' ? data : {};
    },
    toFile(data) {
      return [schemaLine, ...lines(data, order, '')].join('\n') + '\n';
    },
  };
}
