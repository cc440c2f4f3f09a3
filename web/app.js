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

function showSearchFields() {
  const people = $('search-what').value === 'people';
  for (const id of ['speaker-label', 'about-label', 'since-label']) $(id).hidden = people;
  $('name-label').hidden = !people;
}

function refCell(ref) {
  return `<small>${escapeHtml(ref.article_id)} [${ref.begin},${ref.end})</small>`;
}

function table(head, rows) {
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>`
    + rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')
    + '</tbody></table>';
}

function renderQuotes(r) {
  return table(['date', 'speaker', 'kind', 'statement', 'outlet', 'article'], r.quotes.map((q) => [
    escapeHtml(q.date || q.published || ''),
    escapeHtml(q.speaker || '?') + (q.title ? `<br><small>${escapeHtml(q.title)}</small>` : '')
      + (q.anonymous ? ' <small>(anonymous)</small>' : ''),
    escapeHtml(q.kind), escapeHtml(q.content), escapeHtml(q.outlet || ''), refCell(q.ref)]));
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

async function search(event) {
  event.preventDefault();
  const what = $('search-what').value;
  const params = new URLSearchParams();
  const add = (key, id) => { const v = $(id).value.trim(); if (v) params.set(key, v); };
  if (what === 'quotes') { add('speaker', 'search-speaker'); add('about', 'search-about'); add('since', 'search-since'); }
  else add('name', 'search-name');
  $('search-status').textContent = 'Searching...';
  try {
    const res = await fetch(`/api/${what}?${params}`);
    const r = await res.json();
    if (!res.ok) { $('search-status').textContent = 'Error: ' + r.error.message; $('search-results').innerHTML = ''; return; }
    const n = r[what].length;
    $('search-status').textContent = `${n}${r.truncated ? '+' : ''} ${what === 'quotes' ? 'statements' : 'people'}`;
    $('search-results').innerHTML = what === 'quotes' ? renderQuotes(r) : renderPeople(r);
  } catch (err) {
    $('search-status').textContent = 'Error: ' + err.message;
  }
}

$('search-what').addEventListener('change', showSearchFields);
$('search-form').addEventListener('submit', search);
