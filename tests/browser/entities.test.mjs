// Entities in the browser: mentions are highlighted by type (colour and a
// second cue), the legend switches types off and on, a mention's card opens
// on focus or hover and stays on screen, the Entities view sorts and
// filters, an entity filters the library (with history), and corrections
// apply at once, persist across reloads and can be undone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTICLES, startApp, openPage, load, shot, scrollsSideways,
} from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const STORAGE_KEY = 'crossread.corrections.v1';
/** The article with the most varied entities in the test below (001). */
const ID = ARTICLES[1].id;
const TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'FACILITY', 'QUANTITY'];

const mentions = (page) => page.locator('article.reader .body .mention');
const card = (page) => page.getByRole('dialog');
const entryCount = (page) => page.locator('ul.library > li').count();
const param = (page, key) => new URL(page.url()).searchParams.get(key);

/** `{type: count}` of the mentions highlighted in the reader. */
function typeCounts(page) {
  return mentions(page).evaluateAll((els) => {
    const out = {};
    for (const el of els) out[el.dataset.type] = (out[el.dataset.type] ?? 0) + 1;
    return out;
  });
}

/** Presses Tab until a mention has focus; returns its data attributes. */
async function tabToMention(page) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.classList.contains('mention') ? { ...el.dataset, text: el.textContent } : null;
    });
    if (hit) return hit;
  }
  assert.fail('no mention took keyboard focus within 40 Tab presses');
}

/** The painted style of each mention type, as a set of distinguishing cues. */
function typeStyles(page) {
  return mentions(page).evaluateAll((els) => {
    const out = {};
    for (const el of els) {
      if (out[el.dataset.type]) continue;
      const s = getComputedStyle(el);
      out[el.dataset.type] = {
        background: s.backgroundColor,
        line: s.textDecorationLine,
        style: s.textDecorationStyle,
        shadow: s.boxShadow,
      };
    }
    return out;
  });
}

test('an article highlights mentions of several types, each with a colour and a second cue', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    const before = await page.locator('article.reader .body').innerText();
    const counts = await typeCounts(page);
    const types = Object.keys(counts);
    assert.ok(types.length >= 3, `fewer than three types highlighted: ${JSON.stringify(counts)}`);
    for (const t of types) assert.ok(TYPES.includes(t), `unknown type ${t}`);

    const styles = await typeStyles(page);
    const cues = new Set();
    const colours = new Set();
    for (const [t, s] of Object.entries(styles)) {
      assert.notEqual(s.background, 'rgba(0, 0, 0, 0)', `${t} has no background colour`);
      colours.add(s.background);
      // The second cue: an underline style, or (quantities) a box.
      const cue = s.line.includes('underline') ? s.style : s.shadow !== 'none' ? 'box' : 'none';
      assert.notEqual(cue, 'none', `${t} has no non-colour cue`);
      cues.add(cue);
    }
    assert.equal(colours.size, types.length, 'two types share a colour');
    assert.equal(cues.size, types.length, 'two types share a second cue');

    // Highlighting never changes the text itself.
    const paras = await page.locator('article.reader .body .para').allInnerTexts();
    assert.ok(paras.join('').length > 200);
    assert.equal(await page.locator('article.reader .body').innerText(), before);
    await shot(page, 'entities-reader-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'entities-reader-dark');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the legend switches a type off and on, and remembers it after a reload', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    const counts = await typeCounts(page);
    const [type] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    const others = Object.values(counts).reduce((a, b) => a + b, 0) - counts[type];
    const button = page.locator(`.legend-item[data-type="${type}"]`);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.match(await button.innerText(), new RegExp(String(counts[type])));

    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await mentions(page).and(page.locator(`[data-type="${type}"]`)).count(), 0,
      `${type} mentions still highlighted after switching it off`);
    assert.equal(await mentions(page).count(), others, 'other types were affected');
    await shot(page, 'entities-legend-off');

    await page.reload();
    await page.locator('article.reader h1').waitFor();
    assert.equal(await page.locator(`.legend-item[data-type="${type}"]`).getAttribute('aria-pressed'), 'false',
      'the switch was not remembered');
    assert.equal((await typeCounts(page))[type] ?? 0, 0);

    await page.locator(`.legend-item[data-type="${type}"]`).click();
    assert.equal((await typeCounts(page))[type], counts[type], 'switching back on did not restore them');
  } finally {
    await close();
  }
});

test('focusing a mention with the keyboard opens its card; Escape closes it and keeps the reader', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    const m = await tabToMention(page);
    const dialog = card(page);
    await dialog.waitFor();
    const text = await dialog.innerText();
    // Canonical name, type, names seen and mention counts.
    const name = (await dialog.locator('.card-title').innerText()).trim();
    assert.ok(name.length > 0, 'the card has no name');
    const badge = (await dialog.locator('.type-badge').innerText()).toLowerCase();
    const labels = { PERSON: 'person', ORG: 'organisation', PLACE: 'place', NORP: 'group', FACILITY: 'facility', QUANTITY: 'quantity' };
    assert.ok(badge.includes(labels[m.type]), `card type "${badge}" is not the mention's ${m.type}`);
    assert.match(text, /Names seen/);
    assert.match(text, /This article/);
    assert.match(text, /\d+ mentions?/i);
    assert.equal(await page.locator(`.mention[data-start="${m.start}"]`).getAttribute('aria-expanded'), 'true');

    // Enter moves focus into the card; Escape closes it, back on the mention.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('#entity-card'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.start), m.start,
      'focus did not return to the mention');
    assert.equal(param(page, 'article'), ID, 'Escape with a card open left the reader');
  } finally {
    await close();
  }
});

test('hovering a mention opens its card; moving away or Escape closes it', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    await mentions(page).nth(2).hover();
    await card(page).waitFor();
    await shot(page, 'entities-card-hover');
    await page.mouse.move(5, 5);
    await card(page).waitFor({ state: 'detached' });
    // Escape closes a hovered card and nothing else: the reader stays.
    await mentions(page).nth(3).hover();
    await card(page).waitFor();
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'detached' });
    assert.equal(param(page, 'article'), ID, 'Escape on a hovered card left the reader');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('mention')), false,
      'Escape on a hovered card moved keyboard focus');
  } finally {
    await close();
  }
});

test('on a 390px phone the card stays on screen, in light and dark', async () => {
  const { page, close } = await openPage(app, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  try {
    await load(app, page, `?article=${ID}`);
    // The right-most mention is the hardest case.
    const index = await mentions(page).evaluateAll((els) => {
      let best = 0;
      els.forEach((el, i) => { if (el.getBoundingClientRect().right > els[best].getBoundingClientRect().right) best = i; });
      return best;
    });
    await mentions(page).nth(index).focus();
    const dialog = card(page);
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `card off screen: x=${box.x} w=${box.width}`);
    assert.equal(await scrollsSideways(page), false, 'the card makes the page scroll sideways');
    await shot(page, 'entities-phone-card');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'entities-phone-card-dark');
  } finally {
    await close();
  }
});

test('a card links to other articles, which open at the mention with the entity marked', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    // Find a mention whose entity appears in another article too.
    const count = await mentions(page).count();
    let link = null;
    for (let i = 0; i < count && !link; i++) {
      await mentions(page).nth(i).focus();
      await card(page).waitFor();
      const others = card(page).locator('.card-mentions a.where');
      if (await others.count()) link = others.first();
    }
    assert.ok(link, 'no entity of this article is mentioned in another article');
    const entity = await page.locator('.mention[aria-expanded="true"]').getAttribute('data-entity');
    await link.click();
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('article') !== id, ID);
    assert.equal(param(page, 'entity'), entity);
    const at = param(page, 'at');
    assert.ok(at, 'the link does not name the mention');
    await page.waitForFunction((s) => document.activeElement?.dataset?.start === s, at);
    const marked = page.locator('.mention.marked');
    assert.ok((await marked.count()) >= 1, 'the entity is not marked in the other article');
    for (const e of await marked.evaluateAll((els) => els.map((el) => el.dataset.entity))) {
      assert.equal(e, entity, 'a mention of another entity is marked');
    }
    assert.match(await page.locator('.filter-chip').innerText(), /^Marked: /);
  } finally {
    await close();
  }
});

/** The rows of the Entities view, per group, as {name, total}. */
function groupRows(page) {
  return page.locator('.entity-group').evaluateAll((groups) => groups.map((g) => ({
    title: g.querySelector('h2').textContent,
    rows: [...g.querySelectorAll('.entity-row')].map((r) => ({
      id: r.dataset.entity,
      name: r.querySelector('.entity-name').textContent,
      total: Number(r.querySelector('.entity-counts').textContent.match(/^(\d+)/)[1]),
      articles: Number(r.querySelector('.entity-counts').textContent.match(/(\d+) articles?/)[1]),
    })),
  })));
}

/** The app's folding rule for sorting: lower case, no marks or apostrophes. */
const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/['’‘ʼʻ`´.]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const sortedByFold = (names) => [...names].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0));

test('the Entities view groups by type, sorts by mentions or name, and filters on any name', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
    await page.locator('.entity-group').first().waitFor();
    assert.equal(param(page, 'view'), 'entities');
    const groups = await groupRows(page);
    assert.ok(groups.length >= 3, 'fewer than three type groups');
    for (const g of groups) {
      const totals = g.rows.map((r) => r.total);
      assert.deepEqual(totals, [...totals].sort((a, b) => b - a), `${g.title} not sorted by mentions`);
    }
    await shot(page, 'entities-view');

    await page.getByLabel('Sort by').selectOption('name');
    for (const g of await groupRows(page)) {
      const names = g.rows.map((r) => r.name);
      assert.deepEqual(names, sortedByFold(names), `${g.title} not sorted by name`);
    }

    // Filter on a name that only some entities have.
    const all = groups.flatMap((g) => g.rows);
    const target = all.find((r) => r.name.length >= 5);
    const query = target.name.slice(1, 5).toUpperCase();
    await page.getByLabel('Filter').fill(query);
    const filtered = (await groupRows(page)).flatMap((g) => g.rows);
    assert.ok(filtered.length >= 1 && filtered.length < all.length, `filter "${query}" kept ${filtered.length} of ${all.length}`);
    assert.ok(filtered.some((r) => r.id === target.id), 'the entity the query came from is gone');
    assert.match(await page.locator('.entities-view .summary').innerText(), /of \d+ entities match/);
    await page.getByLabel('Filter').fill('zzqx no such name');
    assert.equal(await page.locator('.entity-row').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('clicking an entity filters the library, with a removable chip; back and forward work', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, '?view=entities');
    await page.locator('.entity-row').first().waitFor();
    const rows = (await groupRows(page)).flatMap((g) => g.rows);
    const pick = rows.find((r) => r.articles >= 1 && r.articles < ARTICLES.length);
    assert.ok(pick, 'every entity is in every article?');
    await page.locator(`.entity-row[data-entity="${pick.id}"] .entity-name`).click();
    await page.locator('ul.library').waitFor();
    assert.equal(param(page, 'entity'), pick.id);
    assert.equal(await entryCount(page), pick.articles, 'library not filtered to the articles that mention it');
    assert.ok(pick.articles < ARTICLES.length);
    const chip = page.locator('.filter-chip');
    assert.equal((await chip.locator('.chip-text').innerText()).trim(), `Mentions: ${pick.name}`);
    assert.match(await page.locator('.library-view .summary').innerText(), new RegExp(`${pick.articles} of ${ARTICLES.length}`));
    await shot(page, 'entities-library-filtered');

    // Opening an article from the filtered list marks the entity there.
    await page.locator('ul.library .entry-title').first().click();
    await page.locator('article.reader h1').waitFor();
    assert.ok((await page.locator('.mention.marked').count()) >= 1, 'entity not marked in the reader');
    await page.goBack();
    await page.locator('ul.library').waitFor();
    assert.equal(await entryCount(page), pick.articles);

    await page.goBack();
    await page.locator('.entity-row').first().waitFor();
    assert.equal(param(page, 'view'), 'entities');
    await page.goForward();
    await page.locator('ul.library').waitFor();
    assert.equal(await entryCount(page), pick.articles, 'forward lost the filter');

    await chip.getByRole('button', { name: /^Remove filter/ }).click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).get('entity'));
    assert.equal(await entryCount(page), ARTICLES.length);
    assert.equal(await chip.count(), 0);
    await page.goBack();
    await page.locator('.filter-chip').waitFor();
    assert.equal(await entryCount(page), pick.articles, 'back did not restore the filter');
  } finally {
    await close();
  }
});

/** Opens the card of the `n`-th mention by keyboard and moves into it. */
async function openCardOf(page, n) {
  const m = mentions(page).nth(n);
  const data = await m.evaluate((el) => ({ ...el.dataset, text: el.textContent }));
  await m.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('#entity-card'));
  return data;
}

const storedOps = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"ops":[]}').ops, STORAGE_KEY);

test('changing a type applies at once, survives a reload, is listed, and can be undone', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    const m = await openCardOf(page, 0);
    const newType = m.type === 'PLACE' ? 'ORG' : 'PLACE';
    await card(page).getByLabel('Type').selectOption(newType);
    await card(page).waitFor({ state: 'detached' });
    const retyped = page.locator(`.mention[data-start="${m.start}"]`);
    assert.equal(await retyped.getAttribute('data-type'), newType, 'the mention did not change type');
    // Every mention of the entity changes, not just this one.
    const sameEntity = page.locator(`.mention[data-entity="${m.entity}"]`);
    for (const t of await sameEntity.evaluateAll((els) => els.map((e) => e.dataset.type))) assert.equal(t, newType);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).waitFor();
    assert.match(await page.locator('.toast').innerText(), /Changed/);
    assert.equal((await storedOps(page)).length, 1, 'not saved in localStorage');
    await shot(page, 'entities-corrected');

    await page.reload();
    await page.locator('article.reader h1').waitFor();
    assert.equal(await page.locator(`.mention[data-start="${m.start}"]`).getAttribute('data-type'), newType,
      'the correction did not survive a reload');

    // Listed in the Entities view, and undone from there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
    const list = page.locator('.correction-list li');
    await list.first().waitFor();
    assert.equal(await list.count(), 1);
    assert.match(await list.first().innerText(), new RegExp(`Changed .* to `));
    await page.getByRole('button', { name: 'Undo last correction' }).click();
    assert.equal(await list.count(), 0);
    assert.deepEqual(await storedOps(page), []);
    await page.goBack();
    await page.locator('article.reader h1').waitFor();
    assert.equal(await page.locator(`.mention[data-start="${m.start}"]`).getAttribute('data-type'), m.type,
      'undo did not restore the type');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('"Not an entity" removes that one highlight; Undo and Ctrl+Z bring it back', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, `?article=${ID}`);
    const total = await mentions(page).count();
    const m = await openCardOf(page, 1);
    await card(page).getByRole('button', { name: 'Not an entity' }).click();
    assert.equal(await page.locator(`.mention[data-start="${m.start}"]`).count(), 0, 'the mention is still highlighted');
    assert.equal(await mentions(page).count(), total - 1, 'more than one highlight went');
    // Focus went to the toast's Undo button.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
    await page.keyboard.press('Enter');
    await page.locator(`.mention[data-start="${m.start}"]`).waitFor();
    assert.match(await page.locator('.toast').innerText(), /Undone/);

    await openCardOf(page, 1);
    await card(page).getByRole('button', { name: 'Not an entity' }).click();
    assert.equal(await mentions(page).count(), total - 1);
    await page.locator('article.reader h1').focus();
    await page.keyboard.press('Control+z');
    await page.locator(`.mention[data-start="${m.start}"]`).waitFor();
    assert.deepEqual(await storedOps(page), []);
  } finally {
    await close();
  }
});

test('merging two entities in the Entities view combines their counts, and can be undone', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page, '?view=entities');
    await page.locator('.entity-row').first().waitFor();
    const rows = (await groupRows(page)).flatMap((g) => g.rows);
    const before = rows.length;
    const [from, into] = rows;
    await page.locator(`.entity-row[data-entity="${from.id}"] .merge-open`).click();
    const picker = page.locator(`.entity-row[data-entity="${from.id}"] .picker`);
    await picker.getByRole('searchbox').fill(into.name);
    await picker.getByRole('button', { name: new RegExp(into.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    await page.locator(`.entity-row[data-entity="${from.id}"]`).waitFor({ state: 'detached' });
    const after = (await groupRows(page)).flatMap((g) => g.rows);
    assert.equal(after.length, before - 1);
    const merged = after.find((r) => r.id === into.id);
    assert.equal(merged.total, from.total + into.total, 'counts were not combined');
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await page.locator(`.entity-row[data-entity="${from.id}"]`).waitFor();
    assert.equal((await groupRows(page)).flatMap((g) => g.rows).length, before);
  } finally {
    await close();
  }
});

test('unreadable stored corrections are kept as they are, with a clear notice', async () => {
  const { page, context, close } = await openPage(app);
  try {
    const garbage = '{"ops": [ this is not json';
    await context.addInitScript(([k, v]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
      }
    }, [STORAGE_KEY, garbage]);
    await load(app, page, `?article=${ID}`);
    const notice = page.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.innerText(), /could not be read/);
    // A correction still applies, but the stored text is not overwritten.
    const total = await mentions(page).count();
    await openCardOf(page, 0);
    await card(page).getByRole('button', { name: 'Not an entity' }).click();
    assert.equal(await mentions(page).count(), total - 1);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), garbage);
    await shot(page, 'entities-storage-notice');

    await notice.getByRole('button', { name: /Set them aside/ }).click();
    await notice.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.unreadable`), STORAGE_KEY), garbage);
    assert.equal((await storedOps(page)).length, 1, 'the new correction was not saved after setting aside');
  } finally {
    await close();
  }
});

test('the footer credits the gazetteer data and its licences', async () => {
  const { page, close } = await openPage(app);
  try {
    await load(app, page);
    const footer = page.locator('footer');
    assert.match(await footer.innerText(), /GeoNames[\s\S]*CC BY 4\.0/);
    assert.match(await footer.innerText(), /world-countries[\s\S]*ODbL/);
  } finally {
    await close();
  }
});
