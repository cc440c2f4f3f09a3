// SPDX-License-Identifier: Apache-2.0
// A stored article: its text sentence by sentence with every record highlighted, and the
// records listed; a record's link opens its sentence. State: #view=article&id=KEY&at=B-E,
// where B-E is the byte range to show (a record's offsets, as the API gives them).
import { $, escapeHtml, utf8, markup, recordMarks, table, hashFor, getJson, errorText } from './lib.js';

// The sentence holding byte `at` (the last one starting at or before it).
function sentenceOf(sentences, at) {
  let found = -1;
  sentences.forEach((s, i) => { if (s.start <= at) found = i; });
  return found;
}

function recordLink(id, start, end, label) {
  const href = hashFor({ view: 'article', id, at: `${start}-${end}` });
  return `<a class="record-link" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

function recordTables(id, r) {
  const sentenceLabel = (start) => `sentence ${sentenceOf(r.sentences, start) + 1}`;
  const speaker = (q) => q.speaker.name || q.speaker.text || (q.speaker.anonymous ? 'anonymous' : '?');
  const party = (p) => (p ? escapeHtml(p.code || p.text || '') : '');
  let html = '<h3>Quotes</h3>' + table(['speaker', 'cue', 'content', 'date', 'sentence'], r.quotes.map((q) => [
    escapeHtml(speaker(q)) + (q.speaker.title ? `<br><small>${escapeHtml(q.speaker.title)}</small>` : ''),
    escapeHtml(q.cue ? q.cue.text : ''), escapeHtml(q.content.text), escapeHtml(q.date || ''),
    recordLink(id, q.content.start, q.content.end, sentenceLabel(q.content.start))]));
  html += '<h3>Events</h3>' + table(['actor', 'action', 'PLOVER', 'target', 'date', 'sentence'], r.events.map((e) => [
    party(e.actor), escapeHtml(e.action.text) + (e.negated ? ' <span class="negated">negated</span>' : ''),
    escapeHtml(e.action.plover), party(e.target), escapeHtml(e.date || ''),
    recordLink(id, e.action.start, e.action.end, sentenceLabel(e.action.start))]));
  html += '<h3>Entities</h3>' + table(['type', 'name', 'mentions'], r.entities.map((e) => [
    e.type, escapeHtml(e.name),
    e.mentions.map((m) => recordLink(id, m.start, m.end, sentenceLabel(m.start))).join(', ')]));
  html += '<h3>Times</h3>' + table(['text', 'value', 'sentence'], r.times.map((t) => [
    escapeHtml(t.text), escapeHtml(t.value || 'unresolved'), recordLink(id, t.start, t.end, sentenceLabel(t.start))]));
  return html;
}

export async function showArticle(params) {
  const id = params.get('id') || '';
  const at = (params.get('at') || '').split('-').map(Number);
  $('article-status').textContent = 'Loading...';
  const r = await getJson(`/api/articles/${encodeURIComponent(id)}?text=true&with=sentences`);
  if (!r.ok) {
    $('article-status').textContent = errorText(r);
    $('article-title').textContent = 'Article';
    $('article-text').innerHTML = '';
    $('article-records').innerHTML = '';
    return;
  }
  const a = r.body;
  const d = a.doc;
  $('article-title').textContent = d.title || d.id;
  $('article-meta').textContent = [d.outlet || 'unknown outlet', `published ${d.published || 'unknown'}`, d.dateline, d.id]
    .filter(Boolean).join(' · ');
  const bytes = utf8(a.text);
  const marks = recordMarks(a);
  const hasAt = at.length === 2 && at[1] > at[0];
  if (hasAt) marks.unshift({ s: at[0], e: at[1], cls: 'at' });
  const current = hasAt ? sentenceOf(a.sentences, at[0]) : -1;
  let html = '';
  let pos = 0;
  a.sentences.forEach((s, i) => {
    if (s.start > pos) html += escapeHtml(new TextDecoder().decode(bytes.subarray(pos, s.start)));
    html += `<span class="sentence${i === current ? ' current' : ''}" id="sentence-${i}" tabindex="-1" data-index="${i}">`
      + markup(bytes, marks, s.start, s.end) + '</span>';
    pos = s.end;
  });
  if (pos < bytes.length) html += escapeHtml(new TextDecoder().decode(bytes.subarray(pos)));
  $('article-text').innerHTML = html;
  $('article-records').innerHTML = recordTables(id, a);
  $('article-status').textContent = current >= 0 ? `Sentence ${current + 1} of ${a.sentences.length}` : `${a.sentences.length} sentences`;
  if (current >= 0) {
    const el = $(`sentence-${current}`);
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    return true;  // focus is placed
  }
  return false;
}
