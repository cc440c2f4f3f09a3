// SPDX-License-Identifier: Apache-2.0
// A time series as an SVG chart: a speaker's statements, or events by PLOVER type, counted
// per day, week or month (GET /api/series/...). One mark per period with a count; the same
// numbers follow as a table for the keyboard and screen readers.
// State: #view=timeline&of=statements|events&<filters>.
import { $, escapeHtml, table, hashFor, getJson, errorText, fieldHtml, formValues, filters } from './lib.js';

const COLOURS = ['#1d3557', '#c0392b', '#2a9d8f', '#e9c46a', '#6d597a', '#f4a261', '#264653', '#8ab17d'];
const DAY = 86400000;

// A period key ("2026-03-02", "2026-03") as a time in ms.
function periodTime(period) { return Date.parse(period.length === 7 ? period + '-01' : period); }

export function chartSvg(series, by) {
  const W = 720, H = 300, left = 44, right = 16, top = 16, bottom = 40;
  const points = series.flatMap((s) => s.points.map((p) => ({ t: periodTime(p.period), n: p.count })));
  if (points.length === 0) return '<p>Nothing dated to draw.</p>';
  const tMin = Math.min(...points.map((p) => p.t));
  const tMax = Math.max(...points.map((p) => p.t));
  let t0 = tMin;
  let t1 = tMax;
  if (t1 === t0) { t0 -= 3 * DAY; t1 += 3 * DAY; }
  const pad = (t1 - t0) * 0.04;  // marks clear of the axes
  t0 -= pad;
  t1 += pad;
  const max = Math.max(...points.map((p) => p.n));
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (W - left - right);
  const y = (n) => H - bottom - (n / max) * (H - top - bottom);
  let svg = `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title">`
    + `<title id="chart-title">${escapeHtml(series.map((s) => `${s.name}: ${s.total}`).join(', '))} (per ${by})</title>`;
  svg += `<line class="axis" x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}"/>`
    + `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}"/>`;
  const ends = tMin === tMax ? [tMin] : [tMin, tMax];
  for (const n of [0, max]) svg += `<text class="tick" x="${left - 6}" y="${y(n) + 4}" text-anchor="end">${n}</text>`;
  const first = new Date(tMin).toISOString().slice(0, 10);
  const last = new Date(tMax).toISOString().slice(0, 10);
  svg += ends.map((t, i) => `<text class="tick" x="${x(t)}" y="${H - bottom + 18}" text-anchor="middle">${i ? last : first}</text>`).join('');
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const xy = s.points.map((p) => [x(periodTime(p.period)), y(p.count)]);
    if (xy.length > 1) svg += `<polyline class="line" fill="none" stroke="${colour}" points="${xy.map((p) => p.join(',')).join(' ')}"/>`;
    s.points.forEach((p, j) => {
      svg += `<circle class="mark" cx="${xy[j][0]}" cy="${xy[j][1]}" r="5" fill="${colour}">`
        + `<title>${escapeHtml(`${s.name} ${p.period}: ${p.count}`)}</title></circle>`;
    });
    svg += `<text class="legend" x="${left + 8 + 130 * i}" y="${H - 8}" fill="${colour}">■ ${escapeHtml(s.name)} (${s.total})</text>`;
  });
  return svg + '</svg>';
}

async function showFields(values) {
  const of = $('timeline-of').value;
  const table = (await filters())[`series/${of}`] || [];
  $('timeline-fields').innerHTML = table.map((f) => fieldHtml('t', f, values[f.name])).join('');
}

export async function showTimeline(params) {
  const of = params.get('of') === 'events' ? 'events' : 'statements';
  $('timeline-of').value = of;
  const values = Object.fromEntries(params);
  await showFields(values);
  const query = new URLSearchParams(params);
  query.delete('view');
  query.delete('of');
  $('timeline-status').textContent = 'Loading...';
  const r = await getJson(`/api/series/${of}?${query}`);
  if (!r.ok) { $('timeline-status').textContent = errorText(r); $('timeline-chart').innerHTML = ''; $('timeline-table').innerHTML = ''; return; }
  const { series, by } = r.body;
  const total = series.reduce((n, s) => n + s.total, 0);
  const undated = series.reduce((n, s) => n + s.undated, 0);
  $('timeline-status').textContent = `${total} ${of} per ${by}` + (undated ? `, ${undated} without a date` : '');
  $('timeline-chart').innerHTML = chartSvg(series, by);
  $('timeline-table').innerHTML = table(['series', by, 'count'],
    series.flatMap((s) => s.points.map((p) => [escapeHtml(s.name), escapeHtml(p.period), p.count])), 'The chart\'s numbers');
}

export function initTimeline() {
  $('timeline-of').addEventListener('change', () => showFields({}));
  $('timeline-form').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = hashFor({ view: 'timeline', of: $('timeline-of').value, ...formValues($('timeline-fields')) });
  });
}
