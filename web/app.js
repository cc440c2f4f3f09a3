// SPDX-License-Identifier: Apache-2.0
// The dateline page: posts the article to /api/extract and renders what comes back, and
// searches the server's store (GET /api/quotes, /api/people; docs/API.md).
'use strict';

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Offsets in the API are UTF-8 byte offsets; slice the encoded text, not the JS string.
function sliceBytes(bytes, start, end) {
  return decoder.decode(bytes.subarray(start, end));
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

// Builds the annotated text from non-crossing layers: quotes outside, then entities, times, cues.
function annotate(text, result) {
  const bytes = encoder.encode(text);
  const marks = [];
  for (const q of result.quotes) for (const [s, e] of q.content.spans) marks.push({ s, e, cls: 'quote' });
  for (const ent of result.entities) for (const m of ent.mentions) marks.push({ s: m.start, e: m.end, cls: 'ent', title: `${ent.type} ${ent.name}` });
  for (const t of result.times) marks.push({ s: t.start, e: t.end, cls: 'time', title: t.value || '' });
  for (const q of result.quotes) if (q.cue) marks.push({ s: q.cue.start, e: q.cue.end, cls: 'cue' });
  for (const ev of result.events) marks.push({ s: ev.action.start, e: ev.action.end, cls: 'cue', title: `${ev.action.plover} ${ev.action.cameo}` });
  const opens = new Map();
  const closes = new Map();
  for (const m of marks) {
    if (!(m.e > m.s)) continue;
    (opens.get(m.s) || opens.set(m.s, []).get(m.s)).push(m);
    closes.set(m.e, (closes.get(m.e) || 0) + 1);
  }
  const cuts = [...new Set([0, bytes.length, ...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i];
    html += '</span>'.repeat(closes.get(at) || 0);
    for (const m of (opens.get(at) || []).sort((a, b) => b.e - a.e)) {
      html += `<span class="${m.cls}"${m.title ? ` title="${escapeHtml(m.title)}"` : ''}>`;
    }
    if (i + 1 < cuts.length) html += escapeHtml(sliceBytes(bytes, at, cuts[i + 1]));
  }
  return html;
}

function fillTable(id, rows) {
  const body = $(id).querySelector('tbody');
  body.innerHTML = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
}

function render(text, r) {
  const d = r.doc;
  $('meta').innerHTML = `<p><b>${escapeHtml(d.title || d.id)}</b> &middot; ${escapeHtml(d.outlet || 'unknown outlet')}
    &middot; published ${escapeHtml(d.published || 'unknown')} ${d.dateline ? '&middot; ' + escapeHtml(d.dateline) : ''}</p>`;
  $('annotated').innerHTML = annotate(text, r);
  const sp = (q) => escapeHtml(q.speaker.name || q.speaker.text || (q.speaker.anonymous ? 'anonymous' : '?'))
    + (q.speaker.title ? `<br><small>${escapeHtml(q.speaker.title)}</small>` : '')
    + (q.speaker.anonymous ? ' <small>(anonymous)</small>' : '');
  fillTable('quotes', r.quotes.map((q) => [q.kind, sp(q), escapeHtml(q.cue ? q.cue.text : ''),
    escapeHtml(q.content.text), escapeHtml(q.date || '')]));
  fillTable('events', r.events.map((e) => [escapeHtml((e.actor && e.actor.code) || ''), escapeHtml(e.action.text),
    escapeHtml(e.action.plover), escapeHtml(e.action.cameo), escapeHtml((e.target && e.target.code) || ''),
    escapeHtml(e.date || ''), e.negated ? '<span class="negated">negated</span>' : escapeHtml(e.modality || '')]));
  fillTable('entities', r.entities.map((e) => [e.type, escapeHtml(e.name), escapeHtml(e.titles.join('; ')), e.mentions.length]));
  fillTable('times', r.times.map((t) => [escapeHtml(t.text), t.type, escapeHtml(t.value || 'unresolved')]));
  $('result').hidden = false;
}

async function analyse() {
  const text = $('article').value;
  if (!text.trim()) { $('status').textContent = 'Paste an article first.'; return; }
  $('status').textContent = 'Analysing...';
  const published = $('published').value;
  const url = '/api/extract?name=pasted' + (published ? '&published=' + encodeURIComponent(published) : '');
  try {
    // X-Dateline-Request: the server takes plain text only from scripts that may send a custom
    // header (which a cross-site form cannot); docs/API.md.
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Dateline-Request': 'web' },
      body: text,
    });
    const body = await res.text();
    if (!res.ok) { $('status').textContent = 'Error: ' + JSON.parse(body).error.message; return; }
    render(text, JSON.parse(body.split('\n')[0]));
    $('status').textContent = '';
  } catch (err) {
    $('status').textContent = 'Error: ' + err.message;
  }
}

$('analyse').addEventListener('click', analyse);

// --- Search the store ------------------------------------------------------------------------
// The forms come from GET /api/filters, the table the CLI makes its flags from, so the page
// offers every filter the CLI has. The search is kept in the URL (#what=events&type=ASSAULT):
// a view can be shared, and Back returns to the previous one.

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const ENTITY_TYPES = ['', 'PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER'];
let filterTable = {};

function fieldHtml(f, value) {
  const id = `f-${f.name}`;
  const label = (control) => `<label title="${escapeHtml(f.help)}">${escapeHtml(f.name)} ${control}</label>`;
  const v = escapeHtml(value || '');
  switch (f.kind) {
    case 'switch':
      return label(`<input id="${id}" name="${f.name}" type="checkbox"${value === 'true' ? ' checked' : ''}>`);
    case 'limit':
      return label(`<input id="${id}" name="${f.name}" type="number" min="1" value="${v}">`);
    case 'entity_type':
      return label(`<select id="${id}" name="${f.name}">${ENTITY_TYPES.map((t) =>
        `<option${t === value ? ' selected' : ''}>${t}</option>`).join('')}</select>`);
    case 'event_type':
      return label(`<input id="${id}" name="${f.name}" list="plover-types" value="${v}" placeholder="ASSAULT or 19">`);
    case 'date':
      return label(`<input id="${id}" name="${f.name}" value="${v}" placeholder="YYYY-MM-DD">`);
    default:
      return label(`<input id="${id}" name="${f.name}" value="${v}">`);
  }
}

function showSearchFields(values = {}) {
  const filters = filterTable[$('search-what').value] || [];
  $('search-fields').innerHTML = filters.map((f) => fieldHtml(f, values[f.name])).join('');
}

function refCell(ref) {
  return `<small>${escapeHtml(ref.article_id)} [${ref.begin},${ref.end})</small>`;
}

function table(head, rows) {
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>`
    + rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')
    + '</tbody></table>';
}

// "3 reports": a link to the same search listing every report.
function reportsCell(n) {
  if (!(n > 1)) return '1';
  const p = new URLSearchParams(location.hash.slice(1));
  p.set('reports', 'true');
  return `<a href="#${p}">${n} reports</a>`;
}

function renderQuotes(r) {
  return table(['date', 'speaker', 'kind', 'cue', 'statement', 'outlet', 'reports', 'article'], r.quotes.map((q) => [
    escapeHtml(q.date || q.published || ''),
    escapeHtml(q.speaker || '?') + (q.title ? `<br><small>${escapeHtml(q.title)}</small>` : '')
      + (q.anonymous ? ' <small>(anonymous)</small>' : ''),
    escapeHtml(q.kind), escapeHtml(q.cue || ''), escapeHtml(q.content), escapeHtml(q.outlet || ''),
    reportsCell(q.reports), refCell(q.ref)]));
}

function renderEvents(r) {
  const party = (code, text) => escapeHtml(code || '') + (text ? `<br><small>${escapeHtml(text)}</small>` : '');
  return table(['date', 'actor', 'action', 'PLOVER', 'CAMEO', 'target', 'place', 'reports', 'article'], r.events.map((e) => [
    escapeHtml(e.date || e.published || ''), party(e.actor_code, e.actor_text),
    escapeHtml(e.trigger || '') + (e.negated ? ' <span class="negated">negated</span>' : ''),
    escapeHtml(e.plover), escapeHtml(e.cameo), party(e.target_code, e.target_text),
    escapeHtml(e.place_name || ''), reportsCell(e.reports), refCell(e.ref)]));
}

function renderEntities(r) {
  return table(['type', 'name', 'articles', 'mentions', 'country', 'published'], r.entities.map((e) => [
    e.type, escapeHtml(e.name), e.articles, e.mentions, escapeHtml(e.country || ''),
    escapeHtml(e.first_published === e.last_published ? e.first_published || ''
      : `${e.first_published}..${e.last_published}`)]));
}

function renderTimeline(r) {
  return table(['date', 'kind', 'record', 'article'], r.timeline.map((t) => [
    escapeHtml(t.date), t.kind, escapeHtml(t.summary), refCell(t.ref)]));
}

function renderPeople(r) {
  return r.people.map((p) => {
    const head = `<h3>${escapeHtml(p.name)} <small>${p.articles} articles, ${p.mentions} mentions</small></h3>`;
    if (!p.appearances) return head;
    return head + table(['published', 'article', 'outlet', 'as', 'titles', 'why linked'], p.appearances.map((a) => [
      escapeHtml(a.published || ''), escapeHtml(a.article_id), escapeHtml(a.outlet || ''), escapeHtml(a.name),
      escapeHtml(a.titles.join('; ')), `<small>${escapeHtml(a.reason)}</small>`]));
  }).join('');
}

const RENDER = { quotes: renderQuotes, events: renderEvents, entities: renderEntities, people: renderPeople, timeline: renderTimeline };
const NOUN = { quotes: 'statements', events: 'events', entities: 'entities', people: 'people', timeline: 'records' };

// Runs the search the URL holds.
async function runSearch() {
  const state = new URLSearchParams(location.hash.slice(1));
  const what = state.get('what');
  if (!RENDER[what]) return;
  const values = Object.fromEntries(state);
  $('search-what').value = what;
  showSearchFields(values);
  state.delete('what');
  $('search-status').textContent = 'Searching...';
  try {
    const res = await fetch(`/api/${what}?${state}`);
    const r = await res.json();
    if (!res.ok) { $('search-status').textContent = 'Error: ' + r.error.message; $('search-results').innerHTML = ''; return; }
    const n = r[what].length;
    $('search-status').textContent = `${n}${r.truncated ? '+' : ''} ${NOUN[what]}`;
    $('search-results').innerHTML = RENDER[what](r);
  } catch (err) {
    $('search-status').textContent = 'Error: ' + err.message;
  }
}

function submitSearch(event) {
  event.preventDefault();
  const p = new URLSearchParams({ what: $('search-what').value });
  for (const el of $('search-fields').querySelectorAll('input, select')) {
    if (el.type === 'checkbox') { if (el.checked) p.set(el.name, 'true'); } else if (el.value.trim()) p.set(el.name, el.value.trim());
  }
  location.hash = p.toString();  // hashchange runs the search
}

async function initSearch() {
  $('plover-types').innerHTML = PLOVER.map((t) => `<option value="${t}">`).join('');
  try {
    const res = await fetch('/api/filters');
    filterTable = await res.json();
  } catch (err) {
    $('search-status').textContent = 'Error: ' + err.message;
  }
  showSearchFields();
  runSearch();
}

$('search-what').addEventListener('change', () => showSearchFields());
$('search-form').addEventListener('submit', submitSearch);
window.addEventListener('hashchange', runSearch);
initSearch();
