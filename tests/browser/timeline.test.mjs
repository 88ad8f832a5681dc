// The timeline in the browser: events grouped by their own precision under
// an overview axis with compressed gaps; filtering by entity and outlet (in
// the URL, and the library follows); brushing or clicking the axis sets the
// period; an entry opens its source sentence marked in the reader; dates in
// the reader explain themselves and lead back to their entry; keyboard use;
// phone width and dark theme; and the bad-input build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_BAD, startApp, openPage, load, shot, scrollsSideways } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const entries = (page) => page.locator('.tl-entry');
const param = (page, key) => new URL(page.url()).searchParams.get(key);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** [{precision, iso, label}] of every group, in page order. */
function groupsOf(page) {
  return page.locator('.tl-group').evaluateAll((els) => els.map((g) => ({
    precision: g.dataset.precision,
    iso: g.querySelector('time').getAttribute('datetime'),
    label: g.querySelector('time').textContent,
  })));
}

/** The ISO values of the entries shown. */
function entryDates(page) {
  return entries(page).evaluateAll((els) => els.map((e) => e.querySelector('.tl-when time').getAttribute('datetime')));
}

/** Waits until the URL's query parameter `key` has the value `want`. */
async function urlHas(page, key, want) {
  await page.waitForFunction(([k, w]) => new URL(location.href).searchParams.get(k) === w, [key, want]);
}

/** True when the element's box lies inside the window. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

test('events are grouped by their own precision, in order, under an axis with compressed gaps', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?view=timeline');
    await entries(page).first().waitFor();
    assert.match(await page.title(), /^Timeline/);
    assert.equal(await page.getByRole('link', { name: 'Timeline' }).getAttribute('aria-current'), 'page');

    const groups = await groupsOf(page);
    const kinds = new Set(groups.map((g) => g.precision));
    for (const k of ['day', 'month', 'year']) assert.ok(kinds.has(k), `no ${k}-level group: ${[...kinds]}`);
    for (const g of groups) {
      // A month or a year is never given a day.
      if (g.precision === 'year') assert.match(g.iso, /^\d{4}$/), assert.match(g.label, /^\d{4}$/);
      if (g.precision === 'month') assert.match(g.iso, /^\d{4}-\d{2}$/), assert.doesNotMatch(g.label, /\b\d{1,2} [A-Z]/);
      if (g.precision === 'day') assert.match(g.iso, /^\d{4}-\d{2}-\d{2}$/);
    }
    const starts = groups.map((g) => g.iso.slice(0, 10).padEnd(10, '-00'));
    assert.deepEqual(starts, [...starts].sort(), 'groups are not in time order');
    assert.match(groups[0].iso, /^2003/, 'the range starts in 2003');
    assert.match(groups.at(-1).iso, /^2020-01/, 'the range ends in January 2020');

    // Each entry: date, summary, outlet badges, sources; some show conflicts.
    const first = entries(page).first();
    assert.ok((await first.locator('.tl-summary').innerText()).trim().length > 10);
    assert.ok((await first.locator('.tl-outlet').count()) >= 1, 'an entry without outlet badges');
    const conflicts = page.locator('.tl-conflict');
    assert.ok((await conflicts.count()) >= 1, 'no entry shows a conflict between sources');
    const conflictText = await conflicts.allInnerTexts();
    assert.ok(conflictText.some((t) => /wounded/.test(t) && /50/.test(t) && /55/.test(t)), conflictText.join(' | '));
    assert.ok(conflictText.some((t) => /dates differ/.test(t)), 'no date conflict shown');
    assert.ok((await page.locator('.tl-summary .mention').count()) > 5, 'entities are not highlighted in summaries');

    // The axis: buckets with bars, and the long empty stretches as gaps.
    const axis = page.getByRole('group', { name: 'Overview of all events' });
    const buckets = axis.locator('.tl-bucket');
    assert.ok((await buckets.count()) >= 4);
    assert.ok((await axis.locator('.tl-gap').count()) >= 2, 'no compressed gap between 2003 and 2019');
    const gapWidth = await axis.locator('.tl-gap').first().evaluate((el) => el.getBoundingClientRect().width);
    const bucketWidth = await buckets.first().evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(gapWidth < bucketWidth, `a 10-year gap (${gapWidth}px) is wider than a bucket (${bucketWidth}px)`);
    assert.match(await axis.locator('.tl-gap').first().getAttribute('title'), /^No events: /);
    assert.deepEqual(errors, []);
    await shot(page, 'timeline');
  } finally {
    await close();
  }
});

test('the timeline filters to one entity and one outlet, in the URL, and the library follows', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?view=timeline');
    const all = await entries(page).count();
    const entitySelect = page.getByLabel('Entity', { exact: true });
    // The entity involved in the most events comes first.
    const option = entitySelect.locator('option').nth(1);
    const id = await option.getAttribute('value');
    const name = (await option.innerText()).replace(/ \(.*$/, '');
    await entitySelect.selectOption(id);
    await urlHas(page, 'entity', id);
    const n = await entries(page).count();
    assert.ok(n > 0 && n < all, `entity ${id}: ${n} of ${all} entries`);
    const involved = await entries(page).evaluateAll((els, id) => els.map((e) => (e.dataset.entities ?? '').split(' ').includes(id)), id);
    assert.ok(involved.every(Boolean), `an entry shown does not involve ${id}`);
    // Each entry says so: the summary marks it, or a line names it.
    const said = await entries(page).evaluateAll((els, [id, name]) => els.map((e) =>
      e.querySelector(`.tl-summary .mention.marked[data-entity="${id}"]`) !== null
        || (e.querySelector('.tl-involves')?.textContent ?? '').includes(name)), [id, name]);
    assert.ok(said.every(Boolean), `an entry does not show how it involves ${name}`);
    await shot(page, 'timeline-entity');

    const outletSelect = page.getByLabel('Outlet', { exact: true });
    const outlet = await outletSelect.locator('option').nth(1).getAttribute('value');
    await outletSelect.selectOption(outlet);
    await urlHas(page, 'outlet', outlet);
    await page.waitForFunction((n) => document.querySelectorAll('.tl-entry').length < n || true, n);
    const badges = await entries(page).evaluateAll((els) => els.map((e) => [...e.querySelectorAll('.tl-outlet')].map((b) => b.textContent)));
    assert.ok(badges.length >= 1, 'no entry left for the entity and outlet');
    for (const b of badges) assert.ok(b.includes(outlet), `an entry not reported by ${outlet}: ${b}`);
    assert.equal(param(page, 'entity'), id, 'the entity filter was lost');

    // One model: the library shows the same filter.
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.locator('.library-view').waitFor();
    assert.equal(param(page, 'outlet'), outlet);
    assert.equal(param(page, 'entity'), id);
    assert.match(await page.locator('.library-view .summary').innerText(), /of \d+ articles? match/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('clicking, dragging and keys on the axis set the period in the URL and narrow the entries', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?view=timeline');
    const all = await entries(page).count();
    const overview = page.getByRole('group', { name: 'Overview of all events' });
    await overview.locator('.tl-bucket[data-after="2019-12"]').click();
    await urlHas(page, 'after', '2019-12');
    assert.equal(param(page, 'before'), '2019-12');
    const dates = await entryDates(page);
    assert.ok(dates.length > 0 && dates.length < all);
    for (const d of dates) assert.match(d, /^2019-12/, `an entry outside December 2019: ${d}`);
    assert.match(await page.locator('.tl-period').innerText(), /Period: 2019-12/);

    // The zoomed axis counts days; a drag across it brushes a stretch.
    const zoomed = page.getByRole('group', { name: 'The chosen period' });
    const from = zoomed.locator('.tl-bucket[data-after="2019-12-29"]');
    const to = zoomed.locator('.tl-bucket[data-after="2019-12-31"]');
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 3, a.y + a.height / 2, { steps: 2 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await page.mouse.up();
    await urlHas(page, 'before', '2019-12-31');
    assert.equal(param(page, 'after'), '2019-12-29');
    const brushed = await entryDates(page);
    assert.ok(brushed.length > 0);
    for (const d of brushed) {
      // A day inside the stretch, or a month or year that holds it.
      const inside = d.length === 10 ? d >= '2019-12-29' && d <= '2019-12-31' : '2019-12-29'.startsWith(d);
      assert.ok(inside, `outside the brush: ${d}`);
    }
    await shot(page, 'timeline-brushed');

    // Keyboard: the axis's buckets are buttons; arrows move, Enter chooses.
    await zoomed.locator('.tl-bucket[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement.dataset.after);
    await page.keyboard.press('Enter');
    await urlHas(page, 'after', focused);
    assert.equal(param(page, 'before'), focused);

    // Shift+click stretches the period to another bucket.
    await overview.locator('.tl-bucket[data-after="2020-01"]').click({ modifiers: ['Shift'] });
    await urlHas(page, 'before', '2020-01');
    assert.equal(param(page, 'after'), focused, 'stretching moved the start');

    // Back restores the brushed period; Reset period clears it.
    await page.goBack();
    await urlHas(page, 'before', focused);
    await page.goBack();
    await urlHas(page, 'after', '2019-12-29');
    await page.getByRole('button', { name: 'Reset period' }).click();
    await urlHas(page, 'after', null);
    assert.equal(param(page, 'before'), null);
    assert.equal(await entries(page).count(), all);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('an entry opens its article scrolled to the sentence, which is marked', async () => {
  const { page, errors, close } = await openPage(app, { viewport: { width: 1000, height: 700 } });
  try {
    await load(app, page, '?view=timeline');
    // An event reported by several sources: open its second source.
    const entry = page.locator('.tl-entry').filter({ has: page.locator('.tl-conflict') }).first();
    await entry.locator('.tl-sources summary').click();
    const source = entry.locator('.tl-source').nth(1);
    const sentence = squash(await source.textContent());
    await source.click();
    await page.locator('article.reader').waitFor();
    assert.ok(param(page, 'article'));
    assert.match(param(page, 'mark') ?? '', /^\d+-\d+$/);
    const marks = page.locator('article.reader .passage-mark');
    await marks.first().waitFor();
    assert.equal(squash((await marks.allInnerTexts()).join('')), sentence);
    await page.waitForFunction(() => document.activeElement?.classList.contains('passage-mark'));
    assert.ok(await inView(marks.first()), 'the marked sentence is not in view');
    await shot(page, 'timeline-to-reader');

    // Clicking an entry itself opens its first source.
    await page.goBack();
    await entries(page).first().waitFor();
    const firstSentence = squash(await entries(page).nth(2).locator('.tl-source').first().textContent());
    await entries(page).nth(2).locator('.tl-when').click();
    await page.locator('article.reader .passage-mark').first().waitFor();
    assert.equal(squash((await page.locator('article.reader .passage-mark').allInnerTexts()).join('')), firstSentence);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a date in the reader shows its resolved value and reason, and leads to its timeline entry', async () => {
  const { page, errors, close } = await openPage(app, { viewport: { width: 1000, height: 700 } });
  try {
    // 003 is dated; its "Sunday" resolves against 31 December 2019.
    await load(app, page, '?article=003_94d6eaee0d9c179d');
    const dates = page.locator('article.reader .body .date-mention');
    assert.ok((await dates.count()) >= 3, 'dates are not marked in the reader');
    const sunday = dates.filter({ hasText: /Sunday/ }).first();
    await sunday.hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    assert.match(text, /Sunday\s*→\s*Sunday 29 December 2019/, text);
    assert.match(text, /Sunday/);
    assert.ok(text.split('\n').length >= 2, 'the note gives no reason');
    await shot(page, 'reader-date-note');
    // The mark's own text is unchanged (the note is elsewhere in the page).
    assert.doesNotMatch(await sunday.innerText(), /→/);

    // Focus shows the note too; Enter goes to the event's entry.
    const linked = dates.and(page.locator('.has-event')).first();
    await linked.focus();
    await tip.waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.timeline-view').waitFor();
    const id = param(page, 'event');
    assert.ok(id, 'no event in the URL');
    await page.waitForFunction((id) => document.activeElement?.dataset?.event === id, id);
    assert.ok(await inView(page.locator(`.tl-entry[data-event="${id}"]`)));

    // When the filter hides the entry, the page says so and offers all.
    await load(app, page, `?view=timeline&event=${encodeURIComponent(id)}&outlet=No%20such%20outlet`);
    await page.locator('.tl-missing').waitFor();
    await page.getByRole('link', { name: 'Show every event' }).click();
    await page.waitForFunction((id) => document.activeElement?.dataset?.event === id, id);
    assert.equal(param(page, 'outlet'), null);
    assert.equal(await page.locator('.tl-missing').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the library and the reader show inferred publication dates as inferred, with the reason', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page);
    const inferred = page.locator('ul.library .date.inferred');
    assert.ok((await inferred.count()) >= 1, 'no inferred date in the library');
    assert.match(await inferred.first().innerText(), /inferred/);
    assert.match(await inferred.first().getAttribute('title'), /^Inferred\b.{20,}/);
    await load(app, page, '?article=001_fc4c359a41b66cdd');
    const meta = page.locator('.article-meta');
    assert.match(await meta.innerText(), /inferred/);
    assert.ok((await meta.locator('.date-reason').innerText()).length > 20, 'the reader hides the reason');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('entries are reached by keyboard: arrows move between them and Enter opens one', async () => {
  const { page, errors, close } = await openPage(app);
  try {
    await load(app, page, '?view=timeline');
    const ids = await entries(page).evaluateAll((els) => els.map((e) => e.dataset.event));
    const active = () => page.evaluate(() => document.activeElement?.dataset?.event ?? null);
    // Tab reaches the first entry after the filters and the axis.
    for (let i = 0; i < 30 && (await active()) === null; i++) await page.keyboard.press('Tab');
    assert.equal(await active(), ids[0], 'Tab did not reach the first entry');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), ids[2], 'ArrowDown crosses groups in order');
    await page.keyboard.press('ArrowUp');
    assert.equal(await active(), ids[1]);
    await page.keyboard.press('End');
    assert.equal(await active(), ids.at(-1));
    await page.keyboard.press('Home');
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('Enter');
    await page.locator('article.reader .passage-mark').first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`the timeline fits a phone (${colorScheme} theme)`, async () => {
    const { page, errors, close } = await openPage(app, { viewport: { width: 375, height: 740 }, colorScheme });
    try {
      await load(app, page, '?view=timeline&after=2019-12&before=2020-01');
      await entries(page).first().waitFor();
      assert.equal(await scrollsSideways(page), false, 'the page scrolls sideways at phone width');
      const axis = await page.locator('.tl-track').first().boundingBox();
      assert.ok(axis.width <= 375 && axis.width > 250, `axis width ${axis.width}`);
      await shot(page, `timeline-phone-${colorScheme}`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('the bad-input build opens the timeline without errors', async () => {
  const bad = await startApp(DIST_BAD);
  const { page, errors, close } = await openPage(bad);
  try {
    await load(bad, page, '?view=timeline');
    await page.locator('.timeline-view .summary').waitFor();
    assert.ok((await page.locator('.timeline-view .summary').innerText()).length > 0);
    // A nonsense period in the URL is ignored, not fatal.
    await load(bad, page, '?view=timeline&after=2019-02-30&before=nope');
    await page.locator('.timeline-view').waitFor();
    await shot(page, 'timeline-bad-input');
    assert.deepEqual(errors, []);
  } finally {
    await close();
    await bad.close();
  }
});
