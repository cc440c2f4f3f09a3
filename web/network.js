// SPDX-License-Identifier: Apache-2.0
// Who acts on whom (GET /api/network): actors on a circle, in the order of their ids, so the
// same data always draws the same picture; an arrow per actor-target pair, as thick as its
// number of events. The edges follow as a table. State: #view=network&<filters>.
import { $, escapeHtml, table, hashFor, getJson, errorText, fieldHtml, formValues, filters } from './lib.js';

export function networkSvg(net) {
  if (net.nodes.length === 0) return '<p>No events with both an actor and a target.</p>';
  const W = 860, H = 480, cx = W / 2, cy = H / 2, R = H / 2 - 60;
  const ids = net.nodes.map((n) => n.id).sort();
  const pos = new Map(ids.map((id, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
    return [id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const maxWeight = Math.max(...net.edges.map((e) => e.weight), 1);
  const label = new Map(net.nodes.map((n) => [n.id, n.label]));
  const radius = new Map(net.nodes.map((n) => [n.id, 8 + Math.min(12, 2 * Math.sqrt(n.events))]));
  let svg = `<svg class="network" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="network-title">`
    + `<title id="network-title">${net.nodes.length} actors, ${net.edges.length} links, ${net.events} events</title>`
    + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto">'
    + '<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>';
  for (const e of net.edges) {
    const [x1, y1] = pos.get(e.source);
    const [tx, ty] = pos.get(e.target);
    // The arrow ends at the target's rim, not its centre.
    const len = Math.hypot(tx - x1, ty - y1) || 1;
    const cut = (radius.get(e.target) + 2) / len;
    const x2 = tx - (tx - x1) * cut;
    const y2 = ty - (ty - y1) * cut;
    const width = 1 + (4 * e.weight) / maxWeight;
    const types = Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(', ');
    const tip = `<title>${escapeHtml(`${label.get(e.source)} → ${label.get(e.target)}: ${e.weight} (${types})`)}</title>`;
    if (e.source === e.target) {
      svg += `<path class="edge" d="M ${x1} ${y1 - 10} c -30 -40, 30 -40, 0 0" fill="none" stroke-width="${width}">${tip}</path>`;
    } else {
      svg += `<line class="edge" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke-width="${width}" marker-end="url(#arrow)">${tip}</line>`;
    }
  }
  for (const n of net.nodes) {
    const [x, y] = pos.get(n.id);
    const r = radius.get(n.id);
    const anchor = x < cx - 1 ? 'end' : x > cx + 1 ? 'start' : 'middle';
    const dx = anchor === 'end' ? -r - 4 : anchor === 'start' ? r + 4 : 0;
    const dy = anchor === 'middle' ? (y < cy ? -r - 6 : r + 14) : 4;
    svg += `<g class="node"><circle cx="${x}" cy="${y}" r="${r}"><title>${escapeHtml(`${n.id}: ${n.events} events`)}</title></circle>`
      + `<text x="${x + dx}" y="${y + dy}" text-anchor="${anchor}">${escapeHtml(n.label === n.id ? n.id : `${n.id} (${n.label})`)}</text></g>`;
  }
  return svg + '</svg>';
}

export async function showNetwork(params) {
  const values = Object.fromEntries(params);
  const fields = (await filters()).network || [];
  $('network-fields').innerHTML = fields.map((f) => fieldHtml('n', f, values[f.name])).join('');
  const query = new URLSearchParams(params);
  query.delete('view');
  $('network-status').textContent = 'Loading...';
  const r = await getJson(`/api/network?${query}`);
  if (!r.ok) { $('network-status').textContent = errorText(r); $('network-chart').innerHTML = ''; $('network-table').innerHTML = ''; return; }
  const net = r.body;
  $('network-status').textContent = `${net.nodes.length} actors, ${net.edges.length} links, ${net.events} events`
    + (net.skipped ? ` (${net.skipped} without an actor or a target left out)` : '');
  $('network-chart').innerHTML = networkSvg(net);
  const label = new Map(net.nodes.map((n) => [n.id, n.label]));
  const who = (id) => escapeHtml(label.get(id) === id ? id : `${id} (${label.get(id)})`);
  $('network-table').innerHTML = table(['actor', 'target', 'events', 'types'], net.edges.map((e) => [
    who(e.source), who(e.target), e.weight, escapeHtml(Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(', '))]),
  'Links by number of events');
}

export function initNetwork() {
  $('network-form').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = hashFor({ view: 'network', ...formValues($('network-fields')) });
  });
}
