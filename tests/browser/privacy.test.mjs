// Privacy: the app fetches only its own files, from its own origin, and
// nothing at all once it has loaded, however the reader clicks around.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, load, assertRequestsLocal } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Lets any late request (a lazy fetch, a prefetch) show up before we count. */
const settle = (page) => page.waitForTimeout(750);

test('loading the library requests only files of dist/, from the same origin', async () => {
  const { page, requests, close } = await openPage(app);
  try {
    await load(app, page);
    await settle(page);
    assertRequestsLocal(app, requests);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was not requested?');
  } finally {
    await close();
  }
});

test('loading an article directly requests only files of dist/', async () => {
  const { page, requests, close } = await openPage(app);
  try {
    await load(app, page, '?article=004_3318bfcccd3f0c62&removed=1');
    await settle(page);
    assertRequestsLocal(app, requests);
  } finally {
    await close();
  }
});

test('after load, reading, toggling and navigating make no requests at all', async () => {
  const { page, requests, close } = await openPage(app);
  try {
    await load(app, page);
    await settle(page);
    assertRequestsLocal(app, requests);
    const atLoad = [...requests];

    for (const name of [/^US to ‘immediately’/, /^Trump Blames Iran/, /^Untitled/]) {
      await page.getByRole('link', { name }).click();
      await page.locator('article.reader h1').waitFor();
      await page.getByLabel('Show removed text').check();
      await page.getByLabel('Show removed text').uncheck();
      await page.getByRole('link', { name: 'Library' }).click();
      await page.locator('ul.library').waitFor();
    }
    await page.goBack();
    await page.locator('article.reader h1').waitFor();
    await page.goForward();
    await page.locator('ul.library').waitFor();
    await settle(page);

    assert.deepEqual(requests, atLoad, 'requests were made after the page had loaded');
  } finally {
    await close();
  }
});
