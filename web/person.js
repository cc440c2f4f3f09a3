// SPDX-License-Identifier: Apache-2.0
// A person across articles: the roles the articles give them over time, their statements
// and where they appear. State: #view=person&id=N.
import { $, escapeHtml, table, hashFor, getJson, errorText, articleLink } from './lib.js';

export async function showPerson(params) {
  const id = params.get('id') || '';
  $('person-status').textContent = 'Loading...';
  const r = await getJson(`/api/people/${encodeURIComponent(id)}`);
  if (!r.ok) {
    $('person-status').textContent = errorText(r);
    $('person-name').textContent = 'Person';
    $('person-body').innerHTML = '';
    return;
  }
  const p = r.body;
  $('person-name').textContent = p.name;
  $('person-status').textContent = `${p.articles} articles, ${p.mentions} mentions, ${p.statements.length} statements`;
  const timeline = hashFor({ view: 'timeline', of: 'statements', speaker: p.name, by: 'week' });
  let html = `<p><a href="${escapeHtml(timeline)}">Timeline of ${escapeHtml(p.name)}'s statements</a></p>`;
  html += '<h3>Roles over time</h3>' + table(['title', 'from', 'to', 'articles', 'outlets'], p.roles.map((role) => [
    escapeHtml(role.title), escapeHtml(role.first), escapeHtml(role.last), role.articles, escapeHtml(role.outlets.join(', '))]));
  html += '<h3>Statements</h3>' + table(['date', 'kind', 'cue', 'statement', 'outlet', 'reports', 'sentence'], p.statements.map((q) => [
    escapeHtml(q.date || q.published || ''), escapeHtml(q.kind), escapeHtml(q.cue || ''), escapeHtml(q.content),
    escapeHtml(q.outlet || ''), q.reports, articleLink(q.ref)]));
  html += '<h3>Appearances</h3>' + table(['published', 'article', 'outlet', 'as', 'titles', 'why linked'], p.appearances.map((a) => [
    escapeHtml(a.published || ''),
    `<a href="${escapeHtml(hashFor({ view: 'article', id: a.article_id }))}">${escapeHtml(a.article_id)}</a>`,
    escapeHtml(a.outlet || ''), escapeHtml(a.name), escapeHtml(a.titles.join('; ')), `<small>${escapeHtml(a.reason)}</small>`]));
  $('person-body').innerHTML = html;
}
