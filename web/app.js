// SPDX-License-Identifier: Apache-2.0
// The dateline page: posts the article to /api/extract and renders what comes back.
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
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text });
    const body = await res.text();
    if (!res.ok) { $('status').textContent = 'Error: ' + JSON.parse(body).error.message; return; }
    render(text, JSON.parse(body.split('\n')[0]));
    $('status').textContent = '';
  } catch (err) {
    $('status').textContent = 'Error: ' + err.message;
  }
}

$('analyse').addEventListener('click', analyse);
