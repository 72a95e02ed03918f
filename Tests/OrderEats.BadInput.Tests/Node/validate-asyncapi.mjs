// Parses an AsyncAPI document with the reference parser and exits non-zero on any error (warnings are printed, not failed).
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';

const { document, diagnostics } = await new Parser().parse(readFileSync(process.argv[2], 'utf8'));
for (const d of diagnostics) console.log(['error', 'warning', 'info', 'hint'][d.severity] ?? d.severity, d.code, d.message, JSON.stringify(d.path));
const errors = diagnostics.filter((d) => d.severity === 0).length;
console.log(document ? `parsed, ${errors} errors` : 'not parsed');
process.exit(document && errors === 0 ? 0 : 1);
