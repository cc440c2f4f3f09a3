// SPDX-License-Identifier: Apache-2.0
// The dateline page: one view at a time, chosen by the URL's hash (#view=...), so that any
// view can be shared as a link and Back returns to the previous one. docs/WEB.md describes
// the views; docs/API.md the endpoints they read.
import { $, state, PLOVER } from './lib.js';
import { initAnalyse } from './analyse.js';
import { initSearch, showSearch } from './search.js';
import { showArticle } from './article.js';
import { showPerson } from './person.js';
import { initTimeline, showTimeline } from './timeline.js';
import { initNetwork, showNetwork } from './network.js';

const VIEWS = {
  search: showSearch,
  article: showArticle,
  person: showPerson,
  timeline: showTimeline,
  network: showNetwork,
};

let first = true;

async function route() {
  const params = state();
  // Links made before the views (#what=quotes&...) are searches.
  const view = VIEWS[params.get('view')] ? params.get('view') : 'search';
  for (const name of Object.keys(VIEWS)) $(`view-${name}`).hidden = name !== view;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.body.dataset.view = view;
  document.body.dataset.ready = '';
  const placedFocus = await VIEWS[view](params);
  // After a navigation, focus goes to the view's heading (or the record the view opened),
  // so that keyboard and screen reader users start where the new content is.
  if (!first && !placedFocus) $(`view-${view}`).querySelector('h2').focus();
  first = false;
  document.body.dataset.ready = view;  // the browser tests wait for this
}

$('plover-types').innerHTML = PLOVER.map((t) => `<option value="${t}">`).join('');
initAnalyse();
initSearch();
initTimeline();
initNetwork();
window.addEventListener('hashchange', route);
route();
