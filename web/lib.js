// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the page's views: DOM look-ups, escaping, UTF-8 byte offsets, the URL
// state and JSON requests.

export const $ = (id) => document.getElementById(id);

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

// Offsets in the API are UTF-8 byte offsets; slice the encoded text, not the JS string.
export function utf8(text) { return encoder.encode(text); }
export function sliceBytes(bytes, start, end) { return decoder.decode(bytes.subarray(start, end)); }

// Marks ({s, e, cls, title}) over bytes [from, to) as HTML; marks nest (a quote holds an
// entity), and a mark that crosses the range is cut to it.
export function markup(bytes, marks, from = 0, to = bytes.length) {
  const opens = new Map();
  const closes = new Map();
  for (const m of marks) {
    const s = Math.max(m.s, from);
    const e = Math.min(m.e, to);
    if (!(e > s)) continue;
    (opens.get(s) || opens.set(s, []).get(s)).push({ ...m, s, e });
    closes.set(e, (closes.get(e) || 0) + 1);
  }
  const cuts = [...new Set([from, to, ...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
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

// The marks of an extract result: quotes outside, then entities, times, cues and triggers.
export function recordMarks(result) {
  const marks = [];
  for (const q of result.quotes) for (const [s, e] of q.content.spans) marks.push({ s, e, cls: 'quote' });
  for (const ent of result.entities) for (const m of ent.mentions) marks.push({ s: m.start, e: m.end, cls: 'ent', title: `${ent.type} ${ent.name}` });
  for (const t of result.times) marks.push({ s: t.start, e: t.end, cls: 'time', title: t.value || '' });
  for (const q of result.quotes) if (q.cue) marks.push({ s: q.cue.start, e: q.cue.end, cls: 'cue' });
  for (const ev of result.events) marks.push({ s: ev.action.start, e: ev.action.end, cls: 'cue', title: `${ev.action.plover} ${ev.action.cameo}` });
  return marks;
}

export function table(head, rows, caption = '') {
  return `<table>${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>`
    + rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')
    + '</tbody></table>';
}

// The state of the page lives in the URL's hash (#view=article&id=...), so that a view can be
// shared and Back returns to the previous one.
export function state() { return new URLSearchParams(location.hash.slice(1)); }
export function hashFor(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  return '#' + p.toString();
}

// GET a JSON endpoint; {ok, status, body}. A network failure is reported as status 0.
export async function getJson(url) {
  try {
    const res = await fetch(url);
    return { ok: res.ok, status: res.status, body: await res.json() };
  } catch (err) {
    return { ok: false, status: 0, body: { error: { message: err.message } } };
  }
}

export function errorText(r) {
  return 'Error: ' + ((r.body && r.body.error && r.body.error.message) || `HTTP ${r.status}`);
}

// A link to a record's sentence in its article's view.
export function articleLink(ref, label = ref.article_id) {
  const href = hashFor({ view: 'article', id: ref.content_hash || ref.article_id, at: `${ref.begin}-${ref.end}` });
  return `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a> <small>[${ref.begin},${ref.end})</small>`;
}

// The filters of an endpoint (from GET /api/filters) as labelled form controls.
const ENTITY_TYPES = ['', 'PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER'];
export const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

export function fieldHtml(prefix, f, value) {
  const id = `${prefix}-${f.name}`;
  const v = escapeHtml(value || '');
  const label = (control) => `<label for="${id}" title="${escapeHtml(f.help)}">${escapeHtml(f.name)}</label> ${control}`;
  const described = `aria-describedby="${id}-help"`;
  const help = `<span id="${id}-help" class="help">${escapeHtml(f.help)}</span>`;
  let control;
  switch (f.kind) {
    case 'switch':
      control = `<input id="${id}" name="${f.name}" type="checkbox" ${described}${value === 'true' ? ' checked' : ''}>`;
      break;
    case 'limit':
      control = `<input id="${id}" name="${f.name}" type="number" min="1" value="${v}" ${described}>`;
      break;
    case 'entity_type':
      control = `<select id="${id}" name="${f.name}" ${described}>${ENTITY_TYPES.map((t) =>
        `<option${t === value ? ' selected' : ''}>${t}</option>`).join('')}</select>`;
      break;
    case 'event_type':
      control = `<input id="${id}" name="${f.name}" list="plover-types" value="${v}" placeholder="ASSAULT or 19" ${described}>`;
      break;
    case 'text':
      if (f.name !== 'by') { control = `<input id="${id}" name="${f.name}" value="${v}" ${described}>`; break; }
      // The series' period: a closed list.
      control = `<select id="${id}" name="${f.name}" ${described}>${['day', 'week', 'month'].map((p) =>
        `<option${p === (value || 'day') ? ' selected' : ''}>${p}</option>`).join('')}</select>`;
      break;
    case 'date':
      control = `<input id="${id}" name="${f.name}" value="${v}" placeholder="YYYY-MM-DD" ${described}>`;
      break;
    default:
      control = `<input id="${id}" name="${f.name}" value="${v}" ${described}>`;
  }
  return `<span class="field">${label(control)}${help}</span>`;
}

// The values of a form's controls, for the URL.
export function formValues(container) {
  const values = {};
  for (const el of container.querySelectorAll('input, select')) {
    if (!el.name) continue;
    if (el.type === 'checkbox') { if (el.checked) values[el.name] = 'true'; } else if (el.value.trim()) values[el.name] = el.value.trim();
  }
  return values;
}

let filterTable = null;
export async function filters() {
  if (!filterTable) {
    const r = await getJson('/api/filters');
    filterTable = r.ok ? r.body : {};
  }
  return filterTable;
}
