// SPDX-License-Identifier: Apache-2.0
// Analyse a pasted article: POST /api/extract and show its records over the text.
import { $, escapeHtml, utf8, markup, recordMarks } from './lib.js';

function fillTable(id, rows) {
  const body = $(id).querySelector('tbody');
  body.innerHTML = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
}

function render(text, r) {
  const d = r.doc;
  $('meta').innerHTML = `<p><b>${escapeHtml(d.title || d.id)}</b> &middot; ${escapeHtml(d.outlet || 'unknown outlet')}
    &middot; published ${escapeHtml(d.published || 'unknown')} ${d.dateline ? '&middot; ' + escapeHtml(d.dateline) : ''}</p>`;
  $('annotated').innerHTML = markup(utf8(text), recordMarks(r));
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

export function initAnalyse() {
  $('analyse').addEventListener('click', analyse);
}
