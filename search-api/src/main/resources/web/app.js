'use strict';
// The PortTracer page: talks to the API with the signed-in user's Basic credentials (kept for
// this tab only), and renders answers as text nodes only, never as HTML.

const $ = (id) => document.getElementById(id);
let auth = sessionStorage.getItem('porttracer.auth');
let lastQuery = null;
let page = 1;
const PAGE_SIZE = 50;

async function api(path, options = {}) {
  const headers = Object.assign({'Authorization': auth, 'X-Requested-With': 'fetch'}, options.headers || {});
  const res = await fetch(path, Object.assign({}, options, {headers}));
  if (res.status === 401) {
    signOut('Your session has ended: sign in again.');
    throw new Error('not signed in');
  }
  if (!res.ok) {
    let message = res.status + ' ' + res.statusText;
    try { message = (await res.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return res;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

async function signIn(event) {
  event.preventDefault();
  auth = 'Basic ' + btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
  try {
    await showApp();
    sessionStorage.setItem('porttracer.auth', auth);
  } catch (e) {
    $('login-error').textContent = e.message === 'not signed in' ? 'Wrong user or password.' : e.message;
  }
}

function signOut(message) {
  auth = null;
  sessionStorage.removeItem('porttracer.auth');
  $('app').hidden = true;
  $('logout').hidden = true;
  $('whoami').textContent = '';
  $('login-form').hidden = false;
  $('login-error').textContent = message || '';
}

async function showApp() {
  const me = await (await api('/api/v1/me')).json();
  $('whoami').textContent = me.username + ' (' + me.role + ')';
  $('login-form').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  $('q').focus();
  if (typeof onSignedIn === 'function') onSignedIn(me);
}

async function search(event) {
  if (event) event.preventDefault();
  const q = $('q').value.trim();
  if (q !== lastQuery) page = 1;
  lastQuery = q;
  $('status').textContent = 'Searching…';
  try {
    const res = await api('/api/v1/search?q=' + encodeURIComponent(q) + '&page=' + page + '&size=' + PAGE_SIZE);
    render(await res.json());
  } catch (e) {
    $('status').textContent = e.message;
    $('status').className = 'error';
  }
}

function render(answer) {
  const body = $('results').querySelector('tbody');
  body.replaceChildren();
  let rows = 0;
  for (const r of answer.results) {
    const locations = r.locations.length ? r.locations : [null];
    locations.forEach((loc, i) => {
      body.appendChild(row(r, loc, i === 0));
      rows++;
    });
  }
  $('results').hidden = rows === 0;
  $('status').className = answer.capped ? 'error' : '';
  $('status').textContent = answer.capped ? answer.message
      : answer.total === 0 ? 'Nothing found for “' + answer.q + '”.'
      : answer.total + (answer.total === 1 ? ' MAC' : ' MACs') + ' found.';
  const pages = Math.ceil(Math.min(answer.total, 1000) / PAGE_SIZE);
  $('pager').hidden = pages <= 1;
  $('page').textContent = 'page ' + page + ' of ' + pages;
  $('prev').disabled = page <= 1;
  $('next').disabled = page >= pages;
  if (typeof afterRender === 'function') afterRender(answer);
}

function row(result, loc, first) {
  const tr = el('tr', null, loc && !loc.edge ? 'uplink' : 'edge-row');
  tr.dataset.mac = result.mac;
  tr.appendChild(el('td', result.mac, 'mac'));
  tr.appendChild(el('td', result.vendor || ''));
  if (loc) {
    tr.appendChild(el('td', loc.switch.site, 'site'));
    tr.appendChild(el('td', loc.switch.floor || '', 'floor'));
    const sw = el('td', null, 'switch');
    const link = el('a', loc.switch.name);
    link.href = '#switch/' + loc.switch.id;
    sw.appendChild(link);
    tr.appendChild(sw);
    const port = el('td', null, 'port');
    port.appendChild(el('span', loc.port, 'port-name'));
    if (loc.description) port.appendChild(el('div', loc.description, 'description'));
    tr.appendChild(port);
    tr.appendChild(el('td', loc.vlan, 'vlan'));
    tr.appendChild(el('td', loc.edge ? 'edge' : 'uplink', loc.edge ? 'edge' : ''));
    const cautions = el('td', null, 'badges');
    for (const b of loc.badges || []) {
      const badge = el('span', b.code.replace('-', ' '), 'badge');
      badge.title = b.text;
      cautions.appendChild(badge);
    }
    tr.appendChild(cautions);
    const fresh = el('td', loc.stale ? 'stale' : 'fresh', loc.stale ? 'stale' : 'fresh');
    fresh.title = loc.stale ? loc.staleReason : 'last good poll ' + (loc.lastSeen || 'unknown');
    if (loc.lastSeen) fresh.appendChild(el('div', new Date(loc.lastSeen).toLocaleString()));
    tr.appendChild(fresh);
  } else {
    const none = el('td', result.lastKnownEdge ? 'not seen now; last on ' + result.lastKnownEdge.switch.name + ' '
        + result.lastKnownEdge.port : 'not seen now');
    none.colSpan = 8;
    tr.appendChild(none);
  }
  const actions = el('td');
  tr.appendChild(actions);
  if (!first) return tr;
  const history = el('button', 'History', 'history');
  history.type = 'button';
  history.addEventListener('click', () => showHistory(result.mac));
  actions.appendChild(history);
  const site = loc ? loc.switch.site : result.lastKnownEdge && result.lastKnownEdge.switch.site;
  if (site && (!loc || loc.edge)) {
    const live = el('button', 'Re-verify live', 'live');
    live.type = 'button';
    live.addEventListener('click', () => liveCheck(result.mac, site));
    actions.appendChild(live);
  }
  return tr;
}

function place(p) {
  return p ? p.switch.name + ' ' + p.port + ' (VLAN ' + p.vlan + ', ' + p.switch.site
      + (p.switch.floor ? ' / ' + p.switch.floor : '') + ')' : '';
}

async function showHistory(mac) {
  $('history-panel').hidden = false;
  $('history-mac').textContent = mac;
  const list = $('history');
  list.replaceChildren(el('li', 'Loading…'));
  try {
    const h = await (await api('/api/v1/macs/' + encodeURIComponent(mac) + '/history?size=100')).json();
    list.replaceChildren();
    for (const e of h.events) {
      const li = el('li');
      li.appendChild(el('time', new Date(e.at).toLocaleString()));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', e.kind, 'kind'));
      li.appendChild(document.createTextNode(' ' + [place(e.from), place(e.to)].filter(Boolean).join(' → ')));
      list.appendChild(li);
    }
    if (!h.events.length) list.appendChild(el('li', 'No movements recorded.'));
  } catch (e) {
    list.replaceChildren(el('li', e.message, 'error'));
  }
}

async function liveCheck(mac, site) {
  $('live-panel').hidden = false;
  $('live-mac').textContent = mac + ' on ' + site;
  const progress = $('live-progress');
  progress.replaceChildren();
  $('live-result').textContent = 'Asking the switches…';
  try {
    const job = await (await api('/api/v1/live-traces', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({mac, site})
    })).json();
    // EventSource cannot send credentials in a header, so the stream is read with fetch.
    const res = await api(job.events, {headers: {'Accept': 'text/event-stream'}});
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, {stream: true});
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        liveEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (e) {
    $('live-result').textContent = e.message;
  }
}

function liveEvent(block) {
  let event = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5);
  }
  const d = data ? JSON.parse(data) : {};
  if (event === 'started') {
    $('live-result').textContent = 'Asking ' + d.switches + ' switches…';
  } else if (event === 'switch') {
    const ok = d.outcome === 'ok';
    const here = d.locations.map((l) => l.port + (l.edge ? ' (edge)' : ' (uplink)')).join(', ');
    $('live-progress').appendChild(el('li', d.switch.name + ': ' + (ok ? (here || 'not seen') : d.outcome + ' — ' + d.error),
        ok ? 'ok' : 'failed'));
  } else if (event === 'result') {
    const edge = d.locations.find((l) => l.edge);
    $('live-result').textContent = (edge ? 'Found on ' + edge.switch.name + ' ' + edge.port + ', VLAN ' + edge.vlan
        : 'Not found on any edge port') + ' (' + d.switches + ' switches asked, ' + d.failed + ' failed).';
    if (lastQuery) search();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', signIn);
  $('search-form').addEventListener('submit', search);
  $('logout').addEventListener('click', () => signOut());
  $('prev').addEventListener('click', () => { page--; search(); });
  $('next').addEventListener('click', () => { page++; search(); });
  if (auth) showApp().catch(() => signOut());
});
