// Holds the JSON of `crossread analyze` to the schema the README documents
// (section "Command line"), and checks the offsets against the files:
// offsets count Unicode code points in the decoded file text, and every
// non-blank character lies in exactly one paragraph or removed block.
//
//   node scripts/check-report.mjs REPORT.json DIR...
// (the DIRs are where the report's files are, to re-read them)

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const [reportPath, ...dirs] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));

const NOTICE_KINDS = ['empty', 'binary', 'encoding', 'no-title', 'no-date', 'truncated'];
const REASONS = [
  'title', 'repeated-headline', 'byline', 'date-line', 'donation', 'share', 'image', 'related',
  'newsletter', 'cookie', 'captcha', 'advertisement', 'duplicate', 'boilerplate', 'noise',
];
const isStrOrNull = (v) => v === null || typeof v === 'string';
const isOffset = (v) => Number.isInteger(v) && v >= 0;

assert.ok(Number.isInteger(report.version) && report.version >= 1, 'version is a positive integer');
assert.ok(Array.isArray(report.articles) && report.articles.length > 0, 'articles is a non-empty array');

const ids = new Set();
let problems = 0;
for (const a of report.articles) {
  const where = `article ${a.file}`;
  try {
    assert.equal(typeof a.file, 'string');
    assert.match(a.id, /^[A-Za-z0-9._~-]+$/, 'id is URL-safe');
    assert.ok(!ids.has(a.id), `id ${a.id} is unique`);
    ids.add(a.id);
    for (const f of ['title', 'outlet', 'byline']) assert.ok(isStrOrNull(a[f]), `${f} is a string or null`);
    const p = a.published;
    assert.ok(['stated', 'inferred', 'unknown'].includes(p.basis), `basis ${p.basis}`);
    assert.ok(p.date === null || /^\d{4}-\d{2}-\d{2}$/.test(p.date), `date ${p.date} is YYYY-MM-DD or null`);
    assert.equal(p.date === null, p.basis === 'unknown', 'date is null exactly when basis is unknown');
    assert.ok(isStrOrNull(p.evidence) && isStrOrNull(p.reason));
    for (const n of a.notices) {
      assert.ok(NOTICE_KINDS.includes(n.kind), `notice kind ${n.kind}`);
      assert.ok(typeof n.message === 'string' && n.message.length > 0, 'notice has a message');
    }
    for (const s of [...a.paragraphs, ...a.removed]) {
      assert.equal(typeof s.text, 'string');
      assert.ok(isOffset(s.start) && isOffset(s.end) && s.start <= s.end, `span ${s.start}..${s.end}`);
    }
    for (const r of a.removed) {
      assert.ok(REASONS.includes(r.reason), `removal reason ${r.reason}`);
      assert.equal(typeof r.detail, 'string');
    }
    checkOffsets(a);
  } catch (e) {
    problems++;
    console.error(`${where}: ${e.message}`);
  }
}

/** Re-reads the file and checks each span's text and the full coverage. */
function checkOffsets(a) {
  if (a.notices.some((n) => n.kind === 'binary' || n.kind === 'empty' || n.kind === 'truncated')) return;
  const file = dirs.map((d) => path.join(d, a.file)).find((f) => fs.existsSync(f));
  assert.ok(file, `${a.file} not found in ${dirs.join(', ')}`);
  const bytes = fs.readFileSync(file);
  const encoding = a.notices.some((n) => n.kind === 'encoding') ? 'windows-1252' : 'utf-8';
  const chars = Array.from(new TextDecoder(encoding).decode(bytes));
  // Line breaks inside a span are shown as spaces, one for one.
  const flat = (s) => s.replace(/[\r\n]/g, ' ');
  const owner = new Array(chars.length).fill(0);
  for (const s of [...a.paragraphs, ...a.removed]) {
    assert.ok(s.end <= chars.length, `span ${s.start}..${s.end} runs past the text (${chars.length})`);
    assert.equal(flat(s.text), flat(chars.slice(s.start, s.end).join('')), `text at ${s.start}..${s.end}`);
    for (let i = s.start; i < s.end; i++) owner[i]++;
  }
  chars.forEach((c, i) => {
    if (/\s/u.test(c)) return;
    assert.equal(owner[i], 1, `character ${i} (${JSON.stringify(c)}) lies in ${owner[i]} blocks, not exactly one`);
  });
}

if (problems > 0) {
  console.error(`check-report: ${problems} of ${report.articles.length} articles do not match the schema`);
  process.exit(1);
}
console.log(`check-report: ${report.articles.length} articles match the README schema; offsets and coverage hold`);
