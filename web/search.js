// SPDX-License-Identifier: Apache-2.0
// Search the store. The forms come from GET /api/filters, the table the CLI makes its flags
// from, so the page offers every filter the CLI has. State: #view=search&what=events&type=...
import { $, escapeHtml, table, state, hashFor, getJson, errorText, articleLink, fieldHtml, formValues, filters } from './lib.js';

// "3 reports": a link to the same search listing every report.
function reportsCell(n) {
  if (!(n > 1)) return '1';
  const p = state();
  p.set('reports', 'true');
  return `<a href="#${escapeHtml(p.toString())}">${n} reports</a>`;
}

function renderQuotes(r) {
  return table(['date', 'speaker', 'kind', 'cue', 'statement', 'outlet', 'reports', 'sentence'], r.quotes.map((q) => [
    escapeHtml(q.date || q.published || ''),
    escapeHtml(q.speaker || '?') + (q.title ? `<br><small>${escapeHtml(q.title)}</small>` : '')
      + (q.anonymous ? ' <small>(anonymous)</small>' : ''),
    escapeHtml(q.kind), escapeHtml(q.cue || ''), escapeHtml(q.content), escapeHtml(q.outlet || ''),
    reportsCell(q.reports), articleLink(q.ref)]));
}

function renderEvents(r) {
  const party = (code, text) => escapeHtml(code || '') + (text ? `<br><small>${escapeHtml(text)}</small>` : '');
  return table(['date', 'actor', 'action', 'PLOVER', 'CAMEO', 'target', 'place', 'reports', 'sentence'], r.events.map((e) => [
    escapeHtml(e.date || e.published || ''), party(e.actor_code, e.actor_text),
    escapeHtml(e.trigger || '') + (e.negated ? ' <span class="negated">negated</span>' : ''),
    escapeHtml(e.plover), escapeHtml(e.cameo), party(e.target_code, e.target_text),
    escapeHtml(e.place_name || ''), reportsCell(e.reports), articleLink(e.ref)]));
}

function renderEntities(r) {
  return table(['type', 'name', 'articles', 'mentions', 'country', 'published'], r.entities.map((e) => [
    e.type, escapeHtml(e.name), e.articles, e.mentions, escapeHtml(e.country || ''),
    escapeHtml(e.first_published === e.last_published ? e.first_published || ''
      : `${e.first_published}..${e.last_published}`)]));
}

function renderTimeline(r) {
  return table(['date', 'kind', 'record', 'sentence'], r.timeline.map((t) => [
    escapeHtml(t.date), t.kind, escapeHtml(t.summary), articleLink(t.ref)]));
}

function renderPeople(r) {
  return table(['name', 'articles', 'mentions'], r.people.map((p) => [
    `<a href="${escapeHtml(hashFor({ view: 'person', id: p.id }))}">${escapeHtml(p.name)}</a>`, p.articles, p.mentions]));
}

const RENDER = { quotes: renderQuotes, events: renderEvents, entities: renderEntities, people: renderPeople, timeline: renderTimeline };
const NOUN = { quotes: 'statements', events: 'events', entities: 'entities', people: 'people', timeline: 'records' };

async function showFields(values = {}) {
  const table = (await filters())[$('search-what').value] || [];
  $('search-fields').innerHTML = table.map((f) => fieldHtml('f', f, values[f.name])).join('');
}

// Runs the search the URL holds.
export async function showSearch(params) {
  const what = params.get('what');
  const values = Object.fromEntries(params);
  if (RENDER[what]) $('search-what').value = what;
  await showFields(values);
  if (!RENDER[what]) { $('search-results').innerHTML = ''; $('search-status').textContent = ''; return; }
  const query = new URLSearchParams(params);
  query.delete('what');
  query.delete('view');
  $('search-status').textContent = 'Searching...';
  const r = await getJson(`/api/${what}?${query}`);
  if (!r.ok) { $('search-status').textContent = errorText(r); $('search-results').innerHTML = ''; return; }
  const n = r.body[what].length;
  $('search-status').textContent = `${n}${r.body.truncated ? '+' : ''} ${NOUN[what]}`;
  $('search-results').innerHTML = RENDER[what](r.body);
}

export function initSearch() {
  $('search-what').addEventListener('change', () => showFields());
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = hashFor({ view: 'search', what: $('search-what').value, ...formValues($('search-fields')) });
  });
}
