// Holds the JSON of `crossread analyze` to the schema the README documents
// (section "Command line"), and checks the offsets against the files:
// offsets count Unicode code points in the decoded file text, and every
// non-blank character lies in exactly one paragraph or removed block; each
// date's and each event source's text is the file's text at its offsets.
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
// Windows-1252's bytes 0x80-0x9F (the rest is Latin-1). Node's TextDecoder
// treats 'windows-1252' as plain Latin-1 there, so it cannot be used.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const decode1252 = (bytes) =>
  Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

const ENTITY_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'FACILITY', 'QUANTITY'];
const GRANULARITIES = ['day', 'month', 'year', 'range'];
const DATE_KINDS = ['absolute', 'weekday', 'relative', 'numeric', 'time', 'vague', 'deictic'];
const ANCHOR_KINDS = ['published', 'previous-mention', 'corpus', 'none'];
const VALUE_SHAPES = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  range: /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/,
};
const isStrOrNull = (v) => v === null || typeof v === 'string';
// Line breaks inside a span are shown as spaces, one for one.
const flat = (s) => s.replace(/[\r\n]/g, ' ');
const isOffset = (v) => Number.isInteger(v) && v >= 0;

assert.ok(Number.isInteger(report.version) && report.version >= 1, 'version is a positive integer');
assert.ok(Array.isArray(report.articles) && report.articles.length > 0, 'articles is a non-empty array');

const ids = new Set();
let problems = 0;

// Top-level entities: unique ids of the form type:slug, counts that add up.
assert.ok(Array.isArray(report.entities), 'entities is an array');
const entityIds = new Map();
for (const e of report.entities) {
  try {
    assert.ok(ENTITY_TYPES.includes(e.type), `entity type ${e.type}`);
    assert.ok(e.id.startsWith(`${e.type.toLowerCase()}:`) && e.id.length > e.type.length + 1, `entity id ${e.id}`);
    assert.ok(!entityIds.has(e.id), `entity id ${e.id} is unique`);
    assert.ok(typeof e.name === 'string' && e.name.length > 0, 'entity name');
    assert.ok(Array.isArray(e.aliases) && e.aliases.includes(e.name), 'aliases include the name');
    assert.ok(Array.isArray(e.roles) && e.roles.every((r) => typeof r === 'string'), 'roles are strings');
    assert.ok(Array.isArray(e.mentions) && e.mentions.length > 0, 'mentions per article');
    for (const m of e.mentions) assert.ok(typeof m.file === 'string' && Number.isInteger(m.count) && m.count > 0);
    assert.equal(e.total, e.mentions.reduce((n, m) => n + m.count, 0), 'total is the sum of the counts');
    for (const m of e.merges) {
      assert.ok(e.aliases.includes(m.alias), `merged alias ${m.alias} is an alias`);
      assert.ok(m.confidence >= 0 && m.confidence <= 1, `confidence ${m.confidence}`);
      assert.ok(typeof m.reason === 'string' && m.reason.length > 0, 'merge reason');
    }
    entityIds.set(e.id, new Map(e.mentions.map((m) => [m.file, m.count])));
  } catch (err) {
    problems++;
    console.error(`entity ${e.id}: ${err.message}`);
  }
}
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
    if (p.basis === 'inferred') assert.ok(typeof p.reason === 'string' && p.reason.length > 0, 'an inferred date has a reason');
    assert.ok(Array.isArray(a.dates), 'dates is an array');
    for (const d of a.dates) {
      assert.ok(isOffset(d.start) && isOffset(d.end) && d.start < d.end, `date span ${d.start}..${d.end}`);
      assert.equal(typeof d.text, 'string');
      assert.ok(DATE_KINDS.includes(d.kind), `date kind ${d.kind}`);
      if (d.value === null) {
        assert.equal(d.granularity, null, 'an unresolved date has no granularity');
      } else {
        assert.ok(GRANULARITIES.includes(d.granularity), `granularity ${d.granularity}`);
        assert.match(d.value, VALUE_SHAPES[d.granularity], `value ${d.value} fits ${d.granularity}`);
      }
      assert.ok(ANCHOR_KINDS.includes(d.anchor.kind), `anchor kind ${d.anchor.kind}`);
      assert.ok(d.anchor.date === null || VALUE_SHAPES.day.test(d.anchor.date), `anchor date ${d.anchor.date}`);
      assert.equal(typeof d.anchor.explanation, 'string');
    }
    for (const n of a.notices) {
      assert.ok(NOTICE_KINDS.includes(n.kind), `notice kind ${n.kind}`);
      assert.ok(typeof n.message === 'string' && n.message.length > 0, 'notice has a message');
    }
    for (const s of [...a.paragraphs, ...a.removed]) {
      assert.equal(typeof s.text, 'string');
      assert.ok(isOffset(s.start) && isOffset(s.end) && s.start <= s.end, `span ${s.start}..${s.end}`);
    }
    for (const para of a.paragraphs) {
      assert.ok(['body', 'heading'].includes(para.kind), `paragraph kind ${para.kind}`);
    }
    assert.ok(Array.isArray(a.entities), 'entities is an array');
    const seen = new Map();
    let lastEnd = 0;
    for (const m of a.entities) {
      assert.ok(isOffset(m.start) && isOffset(m.end) && m.start < m.end, `mention ${m.start}..${m.end}`);
      assert.ok(m.start >= lastEnd, `mention ${m.start}..${m.end} is in order and does not overlap`);
      lastEnd = m.end;
      assert.ok(ENTITY_TYPES.includes(m.type), `mention type ${m.type}`);
      assert.ok(entityIds.has(m.entity), `mention of a listed entity (${m.entity})`);
      assert.ok(isStrOrNull(m.role), 'role is a string or null');
      assert.ok(a.paragraphs.some((p) => p.start <= m.start && m.end <= p.end), `mention ${m.start}..${m.end} lies in a paragraph`);
      seen.set(m.entity, (seen.get(m.entity) ?? 0) + 1);
    }
    for (const [id, n] of seen) {
      assert.equal(entityIds.get(id).get(a.file), n, `count of ${id} in ${a.file}`);
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

/** The decoded file text of article `a` as an array of code points, or
 * null when it cannot be re-decoded here (binary, empty, UTF-16). */
function fileChars(a) {
  if (a.notices.some((n) => n.kind === 'binary' || n.kind === 'empty' || n.kind === 'truncated')) return null;
  const file = dirs.map((d) => path.join(d, a.file)).find((f) => fs.existsSync(f));
  assert.ok(file, `${a.file} not found in ${dirs.join(', ')}`);
  const bytes = fs.readFileSync(file);
  const other = a.notices.find((n) => n.kind === 'encoding');
  // Only UTF-8 and Windows-1252 are re-decoded here (UTF-16 files are skipped).
  if (other && !/1252/.test(other.message)) return null;
  const encoding = other ? 'windows-1252' : 'utf-8';
  return Array.from(encoding === 'utf-8' ? new TextDecoder().decode(bytes) : decode1252(bytes));
}

/** Re-reads the file and checks each span's text and the full coverage. */
function checkOffsets(a) {
  const chars = fileChars(a);
  if (chars === null) return;
  for (const d of a.dates) {
    assert.ok(d.end <= chars.length, `date ${d.start}..${d.end} runs past the text`);
    assert.equal(flat(d.text), flat(chars.slice(d.start, d.end).join('')), `date text at ${d.start}..${d.end}`);
  }
  const owner = new Array(chars.length).fill(0);
  for (const m of a.entities) {
    assert.equal(m.text, flat(chars.slice(m.start, m.end).join('')), `entity text at ${m.start}..${m.end}`);
  }
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

// Events: shape, order, and each source's text against its file.
const PRECISION_SHAPES = { day: VALUE_SHAPES.day, month: VALUE_SHAPES.month, year: VALUE_SHAPES.year };
const byFile = new Map(report.articles.map((a) => [a.file, a]));
let eventProblems = 0;
try {
  assert.ok(Array.isArray(report.events), 'events is an array');
} catch (e) {
  eventProblems++;
  console.error(e.message);
}
const eventIds = new Set();
let previousStart = '';
for (const e of report.events ?? []) {
  try {
    assert.equal(typeof e.id, 'string');
    assert.ok(!eventIds.has(e.id), `event id ${e.id} is unique`);
    eventIds.add(e.id);
    assert.ok(e.precision in PRECISION_SHAPES, `precision ${e.precision}`);
    assert.match(e.date, PRECISION_SHAPES[e.precision], `date ${e.date} is exactly as precise as ${e.precision}`);
    const start = e.date.padEnd(10, '-00');
    assert.ok(start >= previousStart, `events are sorted by date (${e.date} after ${previousStart})`);
    previousStart = start;
    assert.ok(typeof e.summary === 'string' && e.summary.length > 0, 'summary');
    assert.ok(Array.isArray(e.entities) && e.entities.every((x) => typeof x === 'string'), 'entities');
    assert.ok(Array.isArray(e.sources) && e.sources.length > 0, 'sources');
    for (const s of e.sources) {
      const a = byFile.get(s.file);
      assert.ok(a, `source file ${s.file} is an article of the report`);
      assert.ok(isOffset(s.start) && isOffset(s.end) && s.start < s.end, `source span ${s.start}..${s.end}`);
      assert.ok(isStrOrNull(s.date_text) && isStrOrNull(s.date), 'source date');
      const chars = fileChars(a);
      if (chars !== null) {
        assert.equal(flat(s.text), flat(chars.slice(s.start, s.end).join('')), `source text at ${s.file} ${s.start}..${s.end}`);
      }
    }
    for (const c of e.conflicts) {
      assert.ok(['number', 'date'].includes(c.kind), `conflict kind ${c.kind}`);
      assert.equal(typeof c.what, 'string');
      assert.ok(c.values.length >= 2, 'a conflict has at least two values');
      for (const v of c.values) assert.ok(byFile.has(v.file) && typeof v.value === 'string', 'conflict value');
    }
  } catch (err) {
    eventProblems++;
    console.error(`event ${e.id}: ${err.message}`);
  }
}

if (problems > 0 || eventProblems > 0) {
  console.error(`check-report: ${problems} of ${report.articles.length} articles and ${eventProblems} events do not match the schema`);
  process.exit(1);
}
console.log(
  `check-report: ${report.articles.length} articles, ${report.entities.length} entities and ${report.events.length} events match the README schema; offsets and coverage hold`,
);
