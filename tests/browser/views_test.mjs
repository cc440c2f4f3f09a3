// SPDX-License-Identifier: Apache-2.0
// The page's views in headless chromium (run by run.sh, which starts the server over a store
// of tests/browser/fixtures/valley.jsonl):
//   node views_test.mjs BASE_URL OUT_DIR CHROMIUM
// Each check prints "ok" or "FAIL"; the exit status is the number of failures (capped).
// Counts are checked against what the API answers for the same filters and, where the
// fixture fixes them (one statement told by three outlets), against the numbers themselves.
import puppeteer from 'puppeteer-core';
import path from 'node:path';

const [base, outDir, chromium] = process.argv.slice(2);
let failures = 0;
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : ` (${detail})`}`);
  if (!ok) failures++;
}

async function api(endpoint) {
  const res = await fetch(new URL(endpoint, base));
  return res.json();
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});

// Opens `hash` in a new page and waits until the view has drawn what it fetched.
async function open(hash, width = 1100) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  await page.goto(new URL(hash, base).href, { waitUntil: 'load', timeout: 60000 });
  const view = new URLSearchParams(hash.replace(/^#/, '')).get('view') || 'search';
  await page.waitForFunction((v) => document.body.dataset.ready === v, { timeout: 60000 }, view);
  return page;
}

// After a click that changes the hash: wait for the new view to be ready.
async function clickAndWait(page, selector, view) {
  await page.evaluate(() => { document.body.dataset.ready = ''; });
  await page.click(selector);
  await page.waitForFunction((v) => document.body.dataset.ready === v, { timeout: 60000 }, view);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
}

const count = (page, selector) => page.$$eval(selector, (els) => els.length);

try {
  // --- Search: statements, one row per statement, its reports one click away -------------
  {
    const page = await open('#view=search&what=quotes&speaker=Varga');
    const want = (await api('api/quotes?speaker=Varga')).quotes;
    const rows = await count(page, '#search-results tbody tr');
    check('search: Varga\'s statements, one row each', rows === want.length && rows === 4, `${rows} rows, API ${want.length}`);
    const reports = await page.$$eval('#search-results tbody tr', (trs) => trs.map((tr) => tr.textContent))
      .then((texts) => texts.filter((t) => t.includes('3 reports') && t.includes('The dam will hold')).length);
    check('search: the statement three outlets reported is one row with 3 reports', reports === 1);
    check('search: the filter field holds the speaker', (await page.$eval('#f-speaker', (el) => el.value)) === 'Varga');
    await shot(page, 'search');

    await clickAndWait(page, '#search-results a[href*="reports=true"]', 'search');
    const all = await count(page, '#search-results tbody tr');
    check('search: a click lists every report', all === 6, `${all} rows`);

    // A click on a record opens its sentence.
    const row = await page.$$eval('#search-results tbody tr', (trs) =>
      trs.findIndex((tr) => tr.textContent.includes('The Valley Ledger') && tr.textContent.includes('The dam will hold')));
    await clickAndWait(page, `#search-results tbody tr:nth-child(${row + 1}) a[href*="view=article"]`, 'article');
    const current = await page.$eval('.sentence.current', (el) => el.textContent).catch(() => '');
    check('article: the click opens the statement\'s sentence', current.includes('The dam will hold through the spring floods'), current);
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('current'));
    check('article: the opened sentence has the focus', focused);
    check('article: the statement is marked', (await count(page, '.sentence.current .at')) >= 1);
    check('search/article: no script errors', page.errors.length === 0, page.errors.join('; '));
    await page.close();
  }

  // --- Search: events, people, entities with filters --------------------------------------
  {
    const page = await open('#view=search&what=events&type=ASSAULT');
    const want = (await api('api/events?type=ASSAULT')).events.length;
    const rows = await count(page, '#search-results tbody tr');
    check('search: events of one type', rows === want && rows === 2, `${rows} rows, API ${want}`);
    await page.close();
    const people = await open('#view=search&what=people&name=Varga');
    check('search: people', (await count(people, '#search-results tbody tr')) === 1);
    await clickAndWait(people, '#search-results a[href*="view=person"]', 'person');
    const name = await people.$eval('#person-name', (el) => el.textContent);
    check('person: a click on a name opens the person page', name === 'Ilsa Varga', name);
    await people.close();
    const ents = await open('#view=search&what=entities&type=GPE');
    const wantEnts = (await api('api/entities?type=GPE')).entities.length;
    check('search: entities by type', (await count(ents, '#search-results tbody tr')) === wantEnts && wantEnts > 0);
    await ents.close();
  }

  // --- Article: every record, a click from a record to its sentence ------------------------
  {
    const page = await open('#view=article&id=ledger-1');
    const stored = await api('api/articles/ledger-1?with=sentences');
    check('article: one element per sentence', (await count(page, '.sentence')) === stored.sentences.length);
    check('article: quotes, entities and times highlighted',
      (await count(page, '#article-text .quote')) >= 1 && (await count(page, '#article-text .ent')) >= 1
      && (await count(page, '#article-text .time')) >= 1);
    const links = await count(page, '#article-records a.record-link');
    const records = stored.quotes.length + stored.events.length + stored.times.length
      + stored.entities.reduce((n, e) => n + e.mentions.length, 0);
    check('article: every record listed with a link to its sentence', links === records, `${links} links, ${records} records`);
    const ev = stored.events.find((e) => e.action.text === 'detained');
    await clickAndWait(page, `#article-records a[href$="at=${ev.action.start}-${ev.action.end}"]`, 'article');
    const current = await page.$eval('.sentence.current', (el) => el.textContent).catch(() => '');
    check('article: the event\'s link opens its sentence', current.includes('detained four activists'), current);
    await shot(page, 'article');
    await page.close();
  }

  // --- Person: role history and statements --------------------------------------------------
  {
    const id = (await api('api/people?name=Varga')).people[0].id;
    const page = await open(`#view=person&id=${id}`);
    const want = await api(`api/people/${id}`);
    const roles = await page.$$eval('#person-body table:nth-of-type(1) tbody tr', (trs) => trs.map((tr) => tr.textContent));
    // "Mayor" in three articles and "the mayor" in one: one role, four articles.
    check('person: role history', roles.length === want.roles.length && roles.length === 1
      && /Mayor.*2026-06-01.*2026-06-16.*4/.test(roles[0]), roles.join(' | '));
    check('person: statements', want.statements.length === 4 && (await page.$$eval('#person-body table', (t) => t[1].querySelectorAll('tbody tr').length)) === 4);
    await shot(page, 'person');
    await page.close();
  }

  // --- Timeline: the chart draws one mark per period ----------------------------------------
  {
    const page = await open('#view=timeline&of=statements&speaker=Varga&by=day');
    const want = (await api('api/series/statements?speaker=Varga&by=day')).series;
    const points = want.reduce((n, s) => n + s.points.length, 0);
    const marks = await count(page, '#timeline-chart svg circle.mark');
    check('timeline: one mark per day with statements', marks === points && marks === 2, `${marks} marks, API ${points}`);
    await page.close();
    const events = await open('#view=timeline&of=events&by=week');
    const wantEv = (await api('api/series/events?by=week')).series;
    const evPoints = wantEv.reduce((n, s) => n + s.points.length, 0);
    const evMarks = await count(events, '#timeline-chart svg circle.mark');
    check('timeline: events by type per week', evMarks === evPoints && wantEv.length >= 3, `${evMarks} marks, API ${evPoints}`);
    check('timeline: the period field holds the URL\'s', (await events.$eval('#t-by', (el) => el.value)) === 'week');
    await shot(events, 'timeline');
    await events.close();
  }

  // --- Network: nodes and edges; an event told twice is one event ---------------------------
  {
    const page = await open('#view=network');
    const want = await api('api/network');
    const nodes = await count(page, '#network-chart svg g.node');
    const edges = await count(page, '#network-chart svg .edge');
    check('network: the actors', nodes === want.nodes.length && nodes === 5, `${nodes} nodes`);
    check('network: the links', edges === want.edges.length && edges === 3, `${edges} edges`);
    const shelling = want.edges.find((e) => e.source === 'RUSMIL' && e.target === 'UKR');
    check('network: the shelling two outlets told weighs one event', shelling && shelling.weight === 1);
    await shot(page, 'network');
    await page.close();
  }

  // --- A shared URL restores the view ------------------------------------------------------
  {
    const hash = '#view=network&type=AID&from=2026-06-01';
    const page = await open(hash);
    check('shared URL: the filters are back in the form',
      (await page.$eval('#n-type', (el) => el.value)) === 'AID' && (await page.$eval('#n-from', (el) => el.value)) === '2026-06-01');
    check('shared URL: the network is the filtered one',
      (await count(page, '#network-chart svg g.node')) === 2 && (await count(page, '#network-chart svg .edge')) === 1);
    await page.close();
    // Submitting the form writes the state into the URL.
    const form = await open('#view=timeline&of=events');
    await form.type('#t-type', 'ASSAULT');
    await form.evaluate(() => { document.body.dataset.ready = ''; });
    await form.click('#timeline-form button[type="submit"]');
    await form.waitForFunction(() => document.body.dataset.ready === 'timeline', { timeout: 60000 });
    const url = form.url();
    check('shared URL: a submitted form is in the URL', url.includes('type=ASSAULT') && url.includes('view=timeline'), url);
    const again = await open(new URL(url).hash);
    check('shared URL: opening it draws the same chart',
      (await count(again, '#timeline-chart svg circle.mark')) === (await count(form, '#timeline-chart svg circle.mark')));
    await form.close();
    await again.close();
  }

  // --- Keyboard and narrow screens -----------------------------------------------------------
  {
    const page = await open('#view=search&what=quotes');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.textContent);
    check('keyboard: the first Tab reaches "Skip to the content"', first.includes('Skip'), first);
    for (const hash of ['#view=search&what=events', '#view=timeline&of=events', '#view=network']) {
      const p = await open(hash);
      const unlabelled = await p.$$eval('main section:not([hidden]) input, main section:not([hidden]) select', (els) =>
        els.filter((el) => el.offsetParent !== null && !(el.labels && el.labels.length)).map((el) => el.id || el.name));
      check(`keyboard: every control of ${hash} has a label`, unlabelled.length === 0, unlabelled.join(', '));
      await p.close();
    }
    // Keyboard navigation: Tab to the network link in the header and press Enter.
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement.dataset.view === 'network');
    }
    if (reached) {
      await page.evaluate(() => { document.body.dataset.ready = ''; });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.body.dataset.ready === 'network', { timeout: 60000 });
    }
    const focus = await page.evaluate(() => document.activeElement.id);
    check('keyboard: Enter on a view\'s link opens it and focuses its heading', reached && focus === 'network-heading', focus);
    await page.close();

    for (const hash of ['#view=article&id=ledger-1&at=122-168', '#view=search&what=quotes&speaker=Varga', '#view=network', '#view=timeline&of=events']) {
      const narrow = await open(hash, 375);
      const wide = await narrow.evaluate(() => document.documentElement.scrollWidth);
      check(`narrow screen: ${hash} fits 375 px`, wide <= 376, `${wide} px wide`);
      if (hash.includes('article')) await shot(narrow, 'article-narrow');
      await narrow.close();
    }
  }
} catch (err) {
  check('the test ran to its end', false, err.stack);
} finally {
  await browser.close();
}
console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
process.exit(Math.min(failures, 100));
