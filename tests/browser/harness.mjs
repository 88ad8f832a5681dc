// Shared helpers for the browser tests: a static server for a built dist/,
// one headless Debian Chromium driven by playwright-core, a page that records
// every request it makes, and screenshots.
//
// playwright-core lives in scripts/node_modules (installed by scripts/setup),
// not next to the tests, so it is required from there explicitly.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'scripts/package.json'));
const { chromium } = require('playwright-core');

/** The release build of the bundled articles, made by scripts/test. */
export const DIST = path.join(ROOT, 'dist');
/** The release build of tests/fixtures/bad-articles, made by scripts/test. */
export const DIST_BAD = path.join(ROOT, 'target/dist-bad');
/** A sub-path, so that any absolute asset URL or path-based route breaks a test. */
export const BASE = '/some/sub/path/';
export const SHOTS = path.join(ROOT, 'tests/browser/screenshots');

/** The bundled articles and the titles the library must show for them. */
export const ARTICLES = [
  { id: '000_057caa3596c12aa8', title: 'US Deploys More Troops to Iraq To Employ Its “Right of Self-Defense”' },
  { id: '001_fc4c359a41b66cdd', title: 'US to ‘immediately’ deploy 750 soldiers to the Middle East after attack on its Baghdad embassy' },
  { id: '002_dfda80f2848bbc52', title: 'Defense Secretary Claims US Occupation Force In Iraq Has “Right of Self-Defense”' },
  // 003 has no headline line: it is listed as "Untitled" and its first words.
  { id: '003_94d6eaee0d9c179d', title: null },
  { id: '004_3318bfcccd3f0c62', title: 'Trump Blames Iran as Protests Erupt Outside US Embassy in Iraq' },
];

/** Chromium flags that keep it off the (closed) network and quiet. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Starts a server for `dist` and a browser; returns an object with both and
 * a `close()` for the test's `after` hook. Fails (never skips) when the dist
 * folder is missing, since scripts/test always builds it.
 */
export async function startApp(dist = DIST) {
  assert.ok(
    fs.existsSync(path.join(dist, 'index.html')),
    `${path.relative(ROOT, dist)}/index.html is missing: run scripts/test (or scripts/build)`,
  );
  const server = await startServer(dist, BASE);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    // An open server would keep this test file's process alive for ever.
    await server.close();
    throw e;
  }
  return {
    server,
    browser,
    dist,
    /** The app URL for a query string such as "?article=001_…". */
    url: (query = '') => server.url + query,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a fresh page (own context, so no cache is shared between tests) that
 * records every request and every uncaught error. Options go to newContext
 * (viewport, colorScheme, ...).
 */
export async function openPage(app, options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, requests, errors, close: () => context.close() };
}

/** Loads `query` and waits until the app says it has rendered. */
export async function load(app, page, query = '') {
  await page.goto(app.url(query));
  await waitReady(page);
}

/** Waits for `<main data-ready="true">`, the app's "rendered" signal. */
export async function waitReady(page) {
  await page.locator('main[data-ready="true"]').waitFor();
}

/**
 * Asserts every recorded request is to the test server's origin, under the
 * sub-path, and names a file that exists in the dist folder (the folder
 * itself stands for its index.html, whatever the query string).
 */
export function assertRequestsLocal(app, requests) {
  assert.ok(requests.length > 0, 'the page made no requests at all?');
  for (const raw of requests) {
    const u = new URL(raw);
    assert.equal(u.origin, app.server.origin, `request to another origin: ${raw}`);
    assert.ok(u.pathname.startsWith(BASE), `request outside the app's sub-path: ${raw}`);
    let rel = decodeURIComponent(u.pathname.slice(BASE.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(app.dist, rel);
    assert.ok(fs.existsSync(file) && fs.statSync(file).isFile(), `request for a file not in dist/: ${raw}`);
  }
}

/** Saves a full-page screenshot as tests/browser/screenshots/NAME.png. */
export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** True when the page can be scrolled sideways (content wider than the viewport). */
export function scrollsSideways(page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  );
}

/** Escapes text for use inside a RegExp. */
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
