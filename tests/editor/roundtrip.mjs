// Reads each record with the editor's YAML format and writes it back; prints the files that change.
// Usage: node roundtrip.mjs FORMATS.json FORMAT=FILE ...   (FORMATS.json: videre.editor.formats output)
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { recordFormat } from '../../docs/redaktion/format.js';

const formats = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const changed = [];
for (const arg of process.argv.slice(3)) {
  const [name, file] = arg.split('=');
  const format = recordFormat(parse, formats[name]);
  const before = readFileSync(file, 'utf8');
  const after = format.toFile(format.fromFile(before));
  if (after !== before) changed.push({ file, before, after });
}
process.stdout.write(JSON.stringify(changed));
