// The reader: every article opens from the library, shows a clean text with
// no page clutter, can reveal what was removed and why, and is addressable
// by URL (direct load, back and forward) under a sub-path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT, ARTICLES, startApp, openPage, load, waitReady, shot, escapeRe,
} from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Lines of page clutter that must never show in a clean reader. */
const CLUTTER = [
  /^\d[\d,]* \$$/m, // donation-widget amounts such as "2,500 $"
  /Click to see full-size image/,
  /Consider helping us/,
  /Share On Facebook/,
  /reCAPTCHA/,
  /Related coverage/,
  /Join the Algemeiner/,
  /Saturday, April 17th/,
];
/** A sentence that article 001 carries twice, a scraping artefact. */
const DUPLICATED = 'Asserting that the situation at the embassy had been de-escalated, President Trump warned Iran of consequences for the attack.';
const ID_001 = '001_fc4c359a41b66cdd';

const reader = (page) => page.locator('article.reader');
const toggle = (page) => page.getByLabel('Show removed text');
const count = (haystack, needle) => haystack.split(needle).length - 1;
const linkFor = (page, a) =>
  a.title
    ? page.getByRole('link', { name: new RegExp('^' + escapeRe(a.title)) })
    : page.getByRole('link', { name: /^Untitled/ });

for (const a of ARTICLES) {
  test(`article ${a.id.slice(0, 3)} opens from the library, clean of clutter`, async () => {
    const { page, errors, close } = await openPage(app);
    try {
      await load(app, page);
      await linkFor(page, a).click();
      await reader(page).locator('h1').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('article'), a.id);
      const h1 = (await reader(page).locator('h1').innerText()).trim();
      assert.ok(h1.length > 0, 'the reader has an empty title');
      if (a.title) assert.equal(h1, a.title);
      const paras = reader(page).locator('.para');
      assert.ok((await paras.count()) >= 3, 'fewer than three paragraphs');
      // Removed text is absent from the DOM while the toggle is off.
      assert.equal(await toggle(page).isChecked(), false);
      assert.equal(await reader(page).locator('.removed').count(), 0);
      const text = await reader(page).innerText();
      for (const p of await paras.allInnerTexts()) {
        assert.doesNotMatch(p.trim(), /^\d[\d,]* \$$/, `donation amount shown as a paragraph: ${p}`);
      }
      for (const c of CLUTTER) assert.doesNotMatch(text, c, `clutter in reader ${a.id}`);
      await shot(page, `reader-${a.id.slice(0, 3)}`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('article 001 shows its body once; the toggle reveals the repeat as removed text', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID_001}`);
    assert.equal(count(await reader(page).innerText(), DUPLICATED), 1, 'sentence not shown exactly once');

    await toggle(page).check();
    assert.equal(new URL(page.url()).searchParams.get('removed'), '1', 'toggle state not in the URL');
    const removed = reader(page).locator('.removed');
    await removed.first().waitFor();
    assert.equal(count(await reader(page).innerText(), DUPLICATED), 2, 'repeat not shown with the toggle on');
    const repeat = removed.filter({ hasText: DUPLICATED });
    assert.ok((await repeat.count()) >= 1, 'the repeated sentence is not marked as removed');
    assert.equal(await repeat.first().getAttribute('data-reason'), 'duplicate');
    for (const reason of await removed.evaluateAll((els) => els.map((e) => e.dataset.reason))) {
      assert.match(reason ?? '', /^[a-z]+(-[a-z]+)*$/, 'a removed block without a reason code');
    }
    await shot(page, 'reader-001-removed');

    await toggle(page).uncheck();
    assert.equal(await removed.count(), 0, 'removed text still in the page with the toggle off');
    assert.notEqual(new URL(page.url()).searchParams.get('removed'), '1');
    assert.equal(count(await reader(page).innerText(), DUPLICATED), 1);
  } finally {
    await close();
  }
});

test('removed text of the clutter-heavy article 004 is shown with reasons when asked', async () => {
  const { page, close } = await openPage(app);
  try {
    // Loaded straight from the URL, with the toggle already on.
    await load(app, page, '?article=004_3318bfcccd3f0c62&removed=1');
    assert.equal(await toggle(page).isChecked(), true);
    const removed = reader(page).locator('.removed');
    for (const clutter of ['Join the Algemeiner', 'reCAPTCHA', 'Related coverage']) {
      const block = removed.filter({ hasText: clutter });
      assert.ok((await block.count()) >= 1, `"${clutter}" not shown as removed`);
      assert.ok(await block.first().isVisible());
      assert.ok(await block.first().getAttribute('data-reason'), `"${clutter}" has no reason`);
    }
    await shot(page, 'reader-004-removed');
  } finally {
    await close();
  }
});

test('an article URL loads directly in a fresh page under the sub-path', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?article=002_dfda80f2848bbc52');
    assert.ok(new URL(page.url()).pathname.endsWith('/some/sub/path/'));
    assert.equal(await reader(page).locator('h1').innerText(), ARTICLES[2].title);
    assert.ok((await reader(page).locator('.para').count()) >= 3);
    await page.getByRole('link', { name: 'Library' }).click();
    await page.locator('ul.library').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('article'), null);
    assert.ok(new URL(page.url()).pathname.endsWith('/some/sub/path/'), 'Library link left the sub-path');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('back and forward move between the library and an article', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page);
    await linkFor(page, ARTICLES[4]).click();
    await reader(page).locator('h1').waitFor();
    await page.goBack();
    await page.locator('ul.library').waitFor();
    assert.equal(await reader(page).count(), 0, 'reader still shown after Back');
    assert.equal(new URL(page.url()).searchParams.get('article'), null);
    await page.goForward();
    await reader(page).locator('h1').waitFor();
    assert.equal(await reader(page).locator('h1').innerText(), ARTICLES[4].title);
    assert.equal(new URL(page.url()).searchParams.get('article'), ARTICLES[4].id);
    await waitReady(page);
  } finally {
    await close();
  }
});

test('a marked range in the URL is scrolled into view, marked and focused', async () => {
  // The last paragraph of article 001 holds the sentence; its byte range is
  // computed from the file itself, as the timeline and search links do.
  const text = readFileSync(path.join(ROOT, 'articles', `${ID_001}.txt`), 'utf8');
  const at = text.indexOf(DUPLICATED);
  assert.ok(at >= 0, 'fixture sentence missing from the file');
  const start = Buffer.byteLength(text.slice(0, at));
  const end = start + Buffer.byteLength(DUPLICATED);
  const { page, errors, close } = await openPage(app, { viewport: { width: 800, height: 600 } });
  try {
    await load(app, page, `?article=${ID_001}&mark=${start}-${end}`);
    const marks = reader(page).locator('.passage-mark');
    await marks.first().waitFor();
    const marked = (await marks.allInnerTexts()).join('');
    assert.equal(marked.replace(/\s+/g, ' ').trim(), DUPLICATED);
    // The sentence sits far down the article, so reaching it means scrolling.
    await page.waitForFunction(() => window.scrollY > 0);
    const box = await marks.first().boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 600, `mark not in view: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('passage-mark')), true);
    await shot(page, 'reader-marked-range');
    // A malformed or empty range marks nothing and breaks nothing.
    await load(app, page, `?article=${ID_001}&mark=${end}-${start}`);
    await reader(page).locator('h1').waitFor();
    assert.equal(await reader(page).locator('.passage-mark').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
