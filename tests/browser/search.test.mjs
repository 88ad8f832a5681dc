// Search: typing in the header's box ranks the library with highlighted
// passages, facets and chips narrow it, a result opens the reader at its
// passage, the URL holds the whole state (back, forward, reload), the
// keyboard does everything, and bad queries give a message, never a
// frozen page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, load, shot, scrollsSideways, ARTICLES } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const box = (page) => page.locator('#search-input');
const items = (page) => page.locator('ul.library > li');
const titles = (page) => page.locator('ul.library a.entry-title').allInnerTexts();
const summary = (page) => page.locator('.summary').innerText();
const param = (page, key) => new URL(page.url()).searchParams.get(key);

/** Focuses the box with "/" and types `text` key by key. */
async function typeQuery(page, text) {
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', '"/" focuses the box');
  await page.keyboard.type(text, { delay: 20 });
}

test('typing a query ranks the library and marks the matched words in a snippet', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    await typeQuery(page, 'embassy');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'embassy');
    assert.match(await summary(page), /^\d of 5 articles match/);
    const n = await items(page).count();
    assert.ok(n >= 1 && n < ARTICLES.length, `${n} results for "embassy"`);
    const marks = page.locator('ul.library .snippet mark');
    assert.ok((await marks.count()) >= n, 'every result has a marked word in its snippet');
    for (const m of await marks.allInnerTexts()) assert.match(m, /^embass/i);
    // Marks are built from text nodes: no markup from the article leaks in.
    assert.equal(await page.locator('ul.library .snippet mark *').count(), 0);
    assert.equal(await page.locator('.filter-chip', { hasText: 'Words: “embassy”' }).count(), 1);
    await shot(page, 'search-results');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('outlet and entity facets narrow the results, show chips, and chips remove them', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?q=embassy');
    const before = await items(page).count();
    // Outlet: the first value, its count equal to the results it leaves.
    const outlet = page.locator('.facet', { hasText: 'Outlet' }).locator('button.facet-value').first();
    const outletName = await outlet.locator('.facet-label').innerText();
    const outletCount = Number(await outlet.locator('.facet-count').innerText());
    await outlet.click();
    await page.waitForFunction((o) => new URL(location.href).searchParams.get('outlet') === o, outletName);
    assert.equal(await items(page).count(), outletCount, 'the facet count is the number of results');
    assert.ok(outletCount <= before);
    for (const t of await items(page).allInnerTexts()) assert.ok(t.includes(outletName), `${outletName} in ${t}`);
    assert.equal(await outlet.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.filter-chip', { hasText: `Outlet: ${outletName}` }).count(), 1);
    // Entity: counts stay exact with the entity part of the filter applied.
    const entity = page.locator('.facet', { hasText: 'Entity' }).filter({ has: page.locator('h3', { hasText: /^Entity$/ }) })
      .locator('button.facet-value').first();
    const entityName = await entity.locator('.facet-label').innerText();
    const entityCount = Number(await entity.locator('.facet-count').innerText());
    await entity.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('entity'));
    assert.equal(await items(page).count(), entityCount);
    assert.equal(await page.locator('.filter-chip', { hasText: `Mentions: ${entityName}` }).count(), 1);
    assert.match(await summary(page), new RegExp(`^${entityCount} of 5`));
    const outletFacet = page.locator('.facet', { hasText: 'Outlet' }).locator('.facet-count').first();
    assert.equal(Number(await outletFacet.innerText()), entityCount, 'outlet counts follow the entity filter');
    await shot(page, 'search-facets');
    // Removing the outlet chip keeps the words and the entity.
    await page.getByRole('button', { name: `Remove filter Outlet: ${outletName}` }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('outlet'));
    assert.equal(param(page, 'q'), 'embassy');
    assert.ok(param(page, 'entity'));
    // "Clear all" removes everything, and the box empties.
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.waitForFunction(() => new URL(location.href).search === '');
    assert.equal(await items(page).count(), ARTICLES.length);
    assert.equal(await box(page).inputValue(), '');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a result opens the reader at its marked passage, Back restores the search, and the URL reloads it', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    await typeQuery(page, 'tear gas');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'tear gas');
    const found = await titles(page);
    assert.ok(found.length >= 1);
    const snippet = (await items(page).first().locator('.snippet').innerText()).replace(/^… |…$/g, '').trim();
    await items(page).first().locator('a.entry-title').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('mark'));
    assert.ok(param(page, 'article'));
    const mark = page.locator('.passage-mark').first();
    await mark.waitFor();
    const marked = (await page.locator('.passage-mark').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
    assert.ok(marked.includes(snippet.slice(0, 40)), `the marked passage holds the snippet: ${snippet.slice(0, 40)}`);
    const boxRect = await mark.boundingBox();
    assert.ok(boxRect && boxRect.y >= 0 && boxRect.y < 900, 'the passage is in view');
    await shot(page, 'search-opened-passage');
    // Back: the same search, results and box.
    await page.goBack();
    await page.locator('ul.library').waitFor();
    assert.equal(param(page, 'q'), 'tear gas');
    assert.deepEqual(await titles(page), found);
    assert.equal(await box(page).inputValue(), 'tear gas');
    // Reload the copied URL in a fresh page: the same state.
    const url = page.url();
    const other = await openPage(app);
    try {
      await other.page.goto(url);
      await other.page.locator('ul.library a.entry-title').first().waitFor();
      assert.deepEqual(await titles(other.page), found);
      assert.equal(await box(other.page).inputValue(), 'tear gas');
      assert.equal(await summary(other.page), await summary(page));
    } finally {
      await other.close();
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('back and forward step through searches, not keystrokes', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page);
    await typeQuery(page, 'embassy');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' iran', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'embassy iran');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'embassy');
    assert.equal(await box(page).inputValue(), 'embassy');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
    assert.equal(await items(page).count(), ARTICLES.length);
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'embassy');
  } finally {
    await close();
  }
});

test('arrows move through the results, Enter opens one, Escape clears the box', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page);
    await typeQuery(page, 'baghdad');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'baghdad');
    const links = page.locator('ul.library a.entry-title');
    assert.ok((await links.count()) >= 2, 'at least two results for "baghdad"');
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), await links.nth(0).textContent());
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), await links.nth(1).textContent());
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.keyboard.press('ArrowDown');
    const href = await links.nth(0).getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('article'));
    assert.equal(new URL(page.url()).search, new URL(href, page.url()).search);
    // "/" in the reader, then Escape clears the box and keeps the reader.
    await page.goBack();
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
    assert.equal(await box(page).inputValue(), '');
    // "/" typed inside the box is a character, not a shortcut.
    await page.keyboard.type('a/b');
    assert.equal(await box(page).inputValue(), 'a/b');
  } finally {
    await close();
  }
});

test('bad queries give a clear message and the page stays responsive', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    const table = [
      ['"tear gas', /quotation mark is not closed/i],
      ['colour:red embassy', /unknown field 'colour:'/i],
      ['!!! ???', /no letters or digits/i],
      ['a'.repeat(10_000), /10000 characters; only the first 1000/],
      ['zzqxv', /No article mentions “zzqxv”/],
      ['militai', /Did you mean|match/],
    ];
    for (const [query, message] of table) {
      const started = Date.now();
      await box(page).fill(query);
      await page.locator('.search-warning, .summary', { hasText: message }).first().waitFor();
      // Still responsive: a round trip through the page's event loop is quick.
      assert.equal(await page.evaluate(() => 1 + 1), 2);
      assert.ok(Date.now() - started < 5_000, `"${query.slice(0, 20)}" took ${Date.now() - started} ms`);
    }
    // The 10,000-character query is shown shortened, not filling the page.
    await box(page).fill('b'.repeat(10_000));
    await page.locator('.summary').waitFor();
    assert.ok((await summary(page)).length < 200);
    assert.equal(await scrollsSideways(page), false);
    // Empty: back to the whole library.
    await box(page).fill('');
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
    assert.equal(await items(page).count(), ARTICLES.length);
    assert.match(await summary(page), /5 articles about this story/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a misspelt word offers its correction as a link that applies it', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, '?q=' + encodeURIComponent('embasy xqzv'));
    const message = await summary(page);
    assert.match(message, /No article mentions “embasy xqzv”/);
    const link = page.locator('.summary a.suggestion');
    if (await link.count()) {
      await link.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q') !== 'embasy xqzv');
      assert.notEqual(param(page, 'q'), 'embasy xqzv');
    }
    await load(app, page, '?q=milita');
    // "milita" is one typo from "militia": found directly, fuzzily.
    assert.match(await summary(page), /of 5 articles match|Did you mean/);
  } finally {
    await close();
  }
});

test('the search views hold up in dark mode and on a phone, with the help open', async () => {
  const { page, close } = await openPage(app, { colorScheme: 'dark' });
  try {
    await load(app, page, '?q=protesters&type=person');
    await page.locator('ul.library > li').first().waitFor();
    await shot(page, 'search-dark');
    await page.getByRole('group', { name: 'Search help' }).count();
    await page.locator('.search-help summary').click();
    assert.ok(await page.locator('.search-help-panel').isVisible());
    const help = await page.locator('.search-help-panel').innerText();
    for (const s of ['"exact phrase"', '-word', 'OR', 'outlet:', 'entity:', 'type:', 'after:', 'before:', 'undated']) {
      assert.ok(help.includes(s), `the help explains ${s}`);
    }
    await shot(page, 'search-help-dark');
  } finally {
    await close();
  }
  const phone = await openPage(app, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await load(app, phone.page, '?q=embassy&outlet=Reuters');
    await phone.page.locator('ul.library > li').first().waitFor();
    assert.equal(await scrollsSideways(phone.page), false, 'no sideways scrolling on a phone');
    await shot(phone.page, 'search-phone');
  } finally {
    await phone.close();
  }
});
