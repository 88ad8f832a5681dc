// Bad input: a build of tests/fixtures/bad-articles (an empty file, a binary
// file, a windows-1252 file, a bare text with no title or date, and one
// normal article). scripts/test always builds target/dist-bad, so a missing
// build is a failure, not a skip.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST_BAD, startApp, openPage, load, shot } from './harness.mjs';

const FIXTURES = path.join(ROOT, 'tests/fixtures/bad-articles');
/** id (file name without extension) → does the library entry carry a notice? */
const EXPECTED = {
  empty: { notice: true },
  binary: { notice: true },
  cp1252: { notice: true },
  bare: { notice: false }, // may carry "no title"/"no date" notices; not required
  'harbour-ferry': { notice: false, title: 'Harbour Ferry Timetable Cut to Four Crossings a Day' },
};

let app;
before(async () => { app = await startApp(DIST_BAD); });
after(async () => { await app?.close(); });

const entry = (page, id) => page.locator('ul.library > li').filter({
  has: page.locator(`a[href*="article=${id}"]`),
});

test('the fixture folder holds exactly the files this test expects', () => {
  const ids = fs.readdirSync(FIXTURES).filter((f) => !f.startsWith('.')).map((f) => f.replace(/\.[^.]*$/, ''));
  assert.deepEqual(ids.sort(), Object.keys(EXPECTED).sort());
});

test('every bad file is listed, and unreadable ones carry a visible notice', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    assert.equal(await page.locator('ul.library > li').count(), Object.keys(EXPECTED).length);
    for (const [id, want] of Object.entries(EXPECTED)) {
      const li = entry(page, id);
      assert.equal(await li.count(), 1, `no library entry links to ${id}`);
      if (want.notice) {
        const notice = li.locator('.notice');
        assert.ok((await notice.count()) >= 1, `${id} has no notice`);
        assert.ok(await notice.first().isVisible(), `${id}'s notice is hidden`);
        assert.ok((await notice.first().innerText()).trim().length > 0, `${id}'s notice is blank`);
      }
      if (want.title) {
        assert.ok((await li.getByRole('link', { name: new RegExp('^' + want.title) }).count()) === 1);
      }
    }
    await shot(page, 'bad-library');
    assert.deepEqual(errors.filter((e) => !e.startsWith('console:')), [], 'the page crashed');
  } finally {
    await close();
  }
});

for (const id of Object.keys(EXPECTED)) {
  test(`the ${id} file opens from the library without crashing`, async () => {
    const { page, errors, close } = await openPage(app);
    try {
      await load(app, page);
      await entry(page, id).getByRole('link').first().click();
      await page.locator('article.reader h1').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('article'), id);
      const text = await page.locator('article.reader').innerText();
      assert.ok(text.trim().length > 0);
      if (id === 'cp1252') {
        // Decoded as windows-1252: the é and the curly apostrophe survive.
        assert.match(text, /Café owners/);
        assert.match(text, /town’s/);
        assert.doesNotMatch(text, /\uFFFD/, 'replacement characters in the decoded text');
      }
      if (id === 'harbour-ferry') {
        assert.match(text, /four times a day instead of seven/);
      }
      if (id === 'empty' || id === 'binary') {
        assert.ok((await page.locator('article.reader .notice').count()) >= 1, `${id} reader shows no notice`);
      }
      await shot(page, `bad-reader-${id}`);
      assert.deepEqual(errors.filter((e) => !e.startsWith('console:')), [], 'the page crashed');
    } finally {
      await close();
    }
  });
}
