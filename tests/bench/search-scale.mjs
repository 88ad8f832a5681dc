// Browser scale benchmark (not a test): loads a release build bundling the
// 10,000-article synthetic corpus in headless Chromium, types realistic
// queries into the search box key by key, and reports per keystroke how
// long the page's main thread was blocked, plus start-up time and memory.
//
//   scripts/bench-browser            (generates the corpus and builds first)
//   node tests/bench/search-scale.mjs [dist folder]   (default target/dist-bench)
//
// Per keystroke it records, on the page's own clock:
// - busy: from the keydown event's timestamp until a message posted at
//   keydown is delivered, i.e. until the task that handled the key and all
//   the microtasks it queued (the router, the search, the re-render) are
//   done: how long the key blocked the page;
// - frame: from keydown until the next animation frame after that, i.e.
//   until the result can be painted (includes waiting for the frame);
// - long task: the longest PerformanceObserver 'longtask' entry (> 50 ms)
//   that started while the key was handled (0 when there was none).

import path from 'node:path';
import { startApp, openPage, ROOT } from '../browser/harness.mjs';

const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'target/dist-bench'));

/** Twenty queries of the kinds readers type: words, phrases, fields, typos. */
const QUERIES = [
  'embassy',
  'tear gas',
  'baghdad protesters',
  'militia leaders',
  'kataib hezbollah',
  'trump iran',
  '"us embassy"',
  'pentagon troops',
  'outlet:reuters embassy',
  'type:person esper',
  'after:2020-01 strike',
  'apache helicopters',
  'demonstrators -embassy',
  'iraq OR syria',
  'milita',
  'soldiers deployed',
  'prime minister',
  'airstrikes',
  'green zone',
  'self-defense',
];

/** Milliseconds between keystrokes: a quick typist. */
const KEY_INTERVAL = 120;

const INIT = () => {
  window.__bench = { keys: [], longtasks: [], ready: null, wasmBytes: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    const memory = e.detail?.wasm?.memory;
    if (memory) window.__bench.memory = memory;
  });
  new MutationObserver((_, observer) => {
    if (document.querySelector('main[data-ready="true"] ul.library li')) {
      window.__bench.ready = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('keydown', (e) => {
    if (e.target?.id !== 'search-input') return;
    const t0 = e.timeStamp;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const busy = performance.now() - t0;
      requestAnimationFrame(() => {
        window.__bench.keys.push({ key: e.key, t0, busy, frame: performance.now() - t0 });
      });
    };
    channel.port2.postMessage(0);
  }, true);
};

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)] ?? 0;
  return { n: v.length, p50: at(0.5), p95: at(0.95), max: v[v.length - 1] ?? 0 };
}

const fmt = (s) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;

const app = await startApp(DIST);
const { page, context, errors, close } = await openPage(app);
context.setDefaultTimeout(600_000);
try {
  await page.addInitScript(INIT);
  page.on('console', (m) => { if (m.text().startsWith('crossread:')) console.log(m.text()); });
  page.on('crash', () => console.log('the page crashed (out of memory?)'));
  const started = Date.now();
  console.log('loading the app…');
  await page.goto(app.url());
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 600_000, polling: 200 });
  const wall = Date.now() - started;
  const startup = await page.evaluate(() => ({
    ready: window.__bench.ready,
    articles: document.querySelector('.summary')?.textContent,
  }));
  console.log(`start-up: ${(startup.ready / 1000).toFixed(1)} s to the first list (${(wall / 1000).toFixed(1)} s wall) — ${startup.articles}`);
  const startLong = await page.evaluate(() => window.__bench.longtasks.reduce((m, t) => Math.max(m, t.duration), 0));
  console.log(`start-up: longest main-thread task ${(startLong / 1000).toFixed(1)} s (start-up yields to the page between chunks of articles; the corpus-wide steps run whole)`);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
  const memory = async () => ({
    js: await metric('JSHeapUsedSize'),
    wasm: await page.evaluate(() => window.__bench.memory?.buffer.byteLength ?? 0),
  });
  const atStart = await memory();

  const input = page.locator('#search-input');
  const perQuery = [];
  for (const query of QUERIES) {
    process.stdout.write(`typing ${query}\n`);
    await input.fill('');
    await page.waitForTimeout(300);
    await input.focus();
    const from = await page.evaluate(() => window.__bench.keys.length);
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(KEY_INTERVAL);
    }
    await page.waitForFunction((n) => window.__bench.keys.length >= n, from + query.length, { timeout: 60_000 });
    const keys = await page.evaluate((from) => window.__bench.keys.slice(from), from);
    const summary = await page.locator('.summary').innerText();
    perQuery.push({ query, keys, summary });
  }
  await page.waitForTimeout(500);
  const { keys, longtasks } = await page.evaluate(() => window.__bench);
  const typed = perQuery.flatMap((q) => q.keys);
  const longest = typed.map((k, i) => {
    const end = typed[i + 1]?.t0 ?? Infinity;
    return longtasks.filter((t) => t.start >= k.t0 - 1 && t.start < end).reduce((m, t) => Math.max(m, t.duration), 0);
  });
  const atEnd = await memory();

  console.log(`\n${QUERIES.length} queries, ${typed.length} keystrokes, ${KEY_INTERVAL} ms apart:`);
  console.log(`  busy  (keydown → page free again):  ${fmt(stats(typed.map((k) => k.busy)))}`);
  console.log(`  frame (keydown → next frame):       ${fmt(stats(typed.map((k) => k.frame)))}`);
  console.log(`  long tasks > 50 ms while typing:    ${longest.filter((d) => d > 0).length} of ${typed.length} keystrokes, longest ${Math.max(0, ...longest).toFixed(1)} ms`);
  const over = typed.filter((k) => k.busy > 50).length;
  console.log(`  keystrokes blocking more than 50 ms: ${over}`);
  console.log('\nslowest keystroke per query (busy):');
  for (const q of perQuery) {
    const worst = q.keys.reduce((m, k) => Math.max(m, k.busy), 0);
    console.log(`  ${q.query.padEnd(26)} ${worst.toFixed(1).padStart(6)} ms   ${q.summary.slice(0, 60)}`);
  }
  const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`\nmemory after start-up: JS heap ${mb(atStart.js)}, wasm linear memory ${mb(atStart.wasm)}`);
  console.log(`memory after typing:   JS heap ${mb(atEnd.js)}, wasm linear memory ${mb(atEnd.wasm)}`);
  if (errors.length) console.log('page errors:', errors);
  void keys;
} finally {
  await close();
  await app.close();
}
