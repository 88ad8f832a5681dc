// The library: every bundled article is listed with its title (or
// "Untitled" and its first words), outlet and date, and the page holds up on
// a phone, in dark mode, and for an article id that does not exist.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTICLES, startApp, openPage, load, shot, scrollsSideways, escapeRe,
} from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** The library's list items, as a reader sees them. */
const items = (page) => page.locator('ul.library > li');

test('the library lists all five bundled articles by title', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    await assert.doesNotReject(items(page).first().waitFor(), 'no library list');
    assert.equal(await items(page).count(), ARTICLES.length);
    for (const a of ARTICLES) {
      const name = a.title ?? 'Untitled';
      const link = page.getByRole('link', { name: new RegExp('^' + escapeRe(name)) });
      assert.equal(await link.count(), 1, `exactly one link whose name starts with "${name}"`);
      await assert.doesNotReject(link.waitFor({ state: 'visible' }), `"${name}" is visible`);
    }
    // 003 has no headline, so its entry shows its first words after "Untitled".
    const untitled = page.getByRole('link', { name: /^Untitled/ });
    assert.match(await untitled.innerText(), /BAGHDAD|Angry protesters/);
    await shot(page, 'library');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('each library entry shows its outlet and date, or says it is undated', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page);
    const texts = await items(page).allInnerTexts();
    assert.equal(texts.length, ARTICLES.length);
    for (const t of texts) {
      assert.match(t, /undated|\b(19|20)\d\d\b/, `no date and no "undated" in: ${t}`);
    }
    // The Algemeiner page names its outlet, and its publication date is
    // December 31, 2019, not the 2021 date the page was viewed on.
    const alg = items(page).filter({ hasText: 'Trump Blames Iran' });
    const algText = await alg.innerText();
    assert.match(algText, /Algemeiner/);
    assert.match(algText, /2019/);
    assert.doesNotMatch(algText, /2021/);
  } finally {
    await close();
  }
});

test('an unknown article id shows a clear message and a way back', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?article=no-such-article');
    const main = page.locator('main');
    assert.match(await main.innerText(), /no such article|not found|no article|unknown|does not exist|doesn’t exist/i);
    await page.getByRole('link', { name: 'Library' }).click();
    await page.locator('ul.library').waitFor();
    await shot(page, 'unknown-article');
    assert.deepEqual(errors.filter((e) => !e.startsWith('console:')), []);
  } finally {
    await close();
  }
});

test('on a 390px phone the library and a reader fit without sideways scrolling', async () => {
  const { page, close } = await openPage(app, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  try {
    await load(app, page);
    await shot(page, 'phone-library');
    assert.equal(await scrollsSideways(page), false, 'library scrolls sideways on a phone');
    await page.getByRole('link', { name: /^US to ‘immediately’/ }).click();
    await page.locator('article.reader h1').waitFor();
    await shot(page, 'phone-reader');
    assert.equal(await scrollsSideways(page), false, 'reader scrolls sideways on a phone');
  } finally {
    await close();
  }
});

/** The colour actually painted behind `main`, as [r, g, b]. */
async function backdrop(page) {
  return page.evaluate(() => {
    for (let el = document.querySelector('main'); el; el = el.parentElement) {
      const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
      if (m && (m.length < 4 || Number(m[3]) > 0)) return m.slice(0, 3).map(Number);
    }
    return [255, 255, 255]; // the canvas default
  });
}
const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

test('dark mode follows the system setting', async () => {
  const { page, close } = await openPage(app);
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await load(app, page);
    const light = luminance(await backdrop(page));
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'dark-library');
    const dark = luminance(await backdrop(page));
    assert.ok(dark < 0.35 && dark < light, `dark background expected, luminance ${dark} vs light ${light}`);
    await page.getByRole('link', { name: /^Trump Blames Iran/ }).click();
    await page.locator('article.reader h1').waitFor();
    await shot(page, 'dark-reader');
  } finally {
    await close();
  }
});
