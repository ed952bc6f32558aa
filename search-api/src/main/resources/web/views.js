'use strict';
// The answer card, the move timeline, the switch page with its front panel and the free-port
// report; permalinks (?q=, #switch/12, #free) and keyboard use. Text nodes only, never HTML.

const SVG = 'http://www.w3.org/2000/svg';
let role = null;

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = String(text);
  return e;
}

function ago(iso) {
  if (!iso) return 'never';
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 90) return Math.round(s) + ' s ago';
  if (s < 5400) return Math.round(s / 60) + ' min ago';
  if (s < 172800) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' days ago';
}

function showView(name) {
  for (const v of ['search-view', 'switch-view', 'free-view']) $(v).hidden = v !== name;
}

// ---- the answer first

/** Called by render(): a card for the MAC asked for, uplink rows folded under "seen on N uplinks". */
function afterRender(answer) {
  showView('search-view');
  foldUplinks();
  const q = answer.q || '';
  history.replaceState(null, '', '?q=' + encodeURIComponent(q));
  if (answer.resolved && answer.resolved.length) {
    $('status').textContent += ' ' + q + ' resolves to ' + answer.resolved.join(', ') + '.';
  }
  const card = $('answer');
  card.replaceChildren();
  card.hidden = true;
  $('timeline').hidden = true;
  const exact = answer.results.length === 1 ? answer.results[0] : null;
  if (!exact) return;
  card.hidden = false;
  const edge = exact.locations.find((l) => l.edge);
  const uplinks = exact.locations.filter((l) => !l.edge);
  card.appendChild(el('div', exact.mac + (exact.vendor ? ' · ' + exact.vendor : ''), 'card-mac'));
  if (edge) {
    const where = el('div', null, 'card-where');
    where.appendChild(el('span', edge.switch.site, 'card-site'));
    where.appendChild(document.createTextNode(' / '));
    where.appendChild(el('span', edge.switch.floor || '—', 'card-floor'));
    where.appendChild(document.createTextNode(' / '));
    const sw = el('a', edge.switch.name, 'card-switch');
    sw.href = '#switch/' + edge.switch.id;
    where.appendChild(sw);
    where.appendChild(document.createTextNode(' / '));
    where.appendChild(el('span', edge.port, 'card-port'));
    card.appendChild(where);
    const facts = el('dl', null, 'card-facts');
    const fact = (k, v, cls) => { facts.appendChild(el('dt', k)); facts.appendChild(el('dd', v, cls)); };
    fact('VLAN', edge.vlan, 'card-vlan');
    fact('Description', edge.description || '—', 'card-description');
    fact('IP', (exact.ips || []).join(', ') || '—', 'card-ip');
    fact('Vendor', exact.vendor || 'unknown', 'card-vendor');
    fact('Freshness', (edge.stale ? 'stale: ' + edge.staleReason : 'fresh') + ' (polled ' + ago(edge.lastSeen) + ')',
        edge.stale ? 'card-fresh stale' : 'card-fresh fresh');
    card.appendChild(facts);
  } else {
    const last = exact.lastKnownEdge;
    card.appendChild(el('div', last ? 'Not seen now. Last on ' + last.switch.name + ' ' + last.port
        + ' (' + last.switch.site + ')' : 'Not seen on any edge port now.', 'card-where empty'));
  }
  const actions = el('div', null, 'card-actions');
  const site = edge ? edge.switch.site : exact.lastKnownEdge && exact.lastKnownEdge.switch.site;
  if (site) {
    const live = el('button', 'Re-verify live', 'card-live');
    live.type = 'button';
    live.addEventListener('click', () => liveCheck(exact.mac, site));
    actions.appendChild(live);
  }
  card.appendChild(actions);
  if (uplinks.length) {
    const fold = el('details', null, 'card-uplinks');
    fold.appendChild(el('summary', 'seen on ' + uplinks.length + (uplinks.length === 1 ? ' uplink' : ' uplinks')));
    const list = el('ul');
    for (const u of uplinks) list.appendChild(el('li', u.switch.name + ' ' + u.port + ' (VLAN ' + u.vlan + ')'));
    fold.appendChild(list);
    card.appendChild(fold);
  }
  drawTimeline(exact.mac);
}

/** In the table, each MAC's uplink rows hide behind one "seen on N uplinks" row. */
function foldUplinks() {
  const rows = Array.from($('results').querySelectorAll('tbody tr'));
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].classList.contains('uplink')) continue;
    const mine = [];
    for (let j = i + 1; j < rows.length && rows[j].classList.contains('uplink'); j++) mine.push(rows[j]);
    if (!mine.length) continue;
    const fold = el('tr', null, 'fold');
    const td = el('td');
    td.colSpan = 11;
    const toggle = el('button', 'seen on ' + mine.length + (mine.length === 1 ? ' uplink' : ' uplinks'), 'fold-toggle');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      mine.forEach((r) => { r.hidden = !open; });
    });
    td.appendChild(toggle);
    fold.appendChild(td);
    rows[i].after(fold);
    mine.forEach((r) => { r.hidden = true; });
  }
}

// ---- the move timeline

/** Where the MAC was, from when to when: one bar per stay, drawn from its history (oldest left). */
async function drawTimeline(mac) {
  const box = $('timeline');
  const area = $('timeline-svg');
  try {
    const h = await (await api('/api/v1/macs/' + encodeURIComponent(mac) + '/history?size=200')).json();
    const stays = staysOf(h.events.slice().reverse());
    box.hidden = false;
    area.replaceChildren();
    if (!stays.length) {
      area.appendChild(el('p', 'No movements recorded yet.', 'empty'));
      return;
    }
    const width = Math.max(300, area.clientWidth || 800);
    const rowH = 40;
    const left = 4;
    const t0 = stays[0].from;
    const t1 = Date.now();
    const x = (t) => left + (width - 2 * left) * (t - t0) / Math.max(1, t1 - t0);
    // Scaled to the box: a scrollbar appearing after measuring never clips the right end.
    const s = svg('svg', {viewBox: '0 0 ' + width + ' ' + (stays.length * rowH + 20), width: '100%', role: 'img',
      'aria-label': 'Moves of ' + mac, class: 'timeline-chart'});
    stays.forEach((st, i) => {
      const y = i * rowH;
      const g = svg('g', {class: 'stay' + (st.until ? '' : ' current')});
      const x0 = x(st.from);
      const x1 = Math.max(x0 + 6, x(st.until || t1));
      // The label on its own line above the bar, so that a short stay is still readable.
      g.appendChild(svg('text', {x: left, y: y + 13}, st.where + ' · ' + new Date(st.from).toLocaleString() + ' → '
          + (st.until ? new Date(st.until).toLocaleString() : 'now')));
      g.appendChild(svg('rect', {x: Math.min(x0, width - left - 6), y: y + 18, width: Math.min(x1, width - left) - Math.min(x0, width - left - 6),
        height: 14, rx: 3}));
      g.appendChild(svg('title', {}, st.where));
      s.appendChild(g);
    });
    s.appendChild(svg('text', {x: left, y: stays.length * rowH + 14, class: 'axis'}, new Date(t0).toLocaleDateString()));
    s.appendChild(svg('text', {x: width - left, y: stays.length * rowH + 14, class: 'axis', 'text-anchor': 'end'}, 'now'));
    area.appendChild(s);
  } catch (e) {
    box.hidden = false;
    area.replaceChildren(el('p', 'Timeline unavailable: ' + e.message, 'error'));
  }
}

/** Events oldest first to stays: an arrival opens one, the next move or disappearance closes it. */
function staysOf(events) {
  const stays = [];
  let open = null;
  for (const e of events) {
    const at = new Date(e.at).getTime();
    if (open && (e.kind === 'moved' || e.kind === 'disappeared')) { open.until = at; open = null; }
    if (e.to) {
      open = {from: at, until: null, where: e.to.switch.name + ' ' + e.to.port + ' (VLAN ' + e.to.vlan + ')'};
      stays.push(open);
    }
  }
  return stays;
}

// ---- the switch page

/** Stack unit and the rest of a port name as the switch spells it: Gi1/0/5 -> unit 1; 1/g1 -> unit 1. */
function unitOf(port) {
  const m = /^[A-Za-z-]*\s*(\d+)\//.exec(port);
  if (m) return 'Unit ' + m[1];
  return /^(po|port-channel|ch)/i.test(port) ? 'Port-channels' : 'Other';
}

async function showSwitch(id) {
  showView('switch-view');
  $('switch-title').textContent = 'Switch ' + id;
  $('switch-meta').textContent = 'Loading…';
  $('panel').replaceChildren();
  $('port-detail').hidden = true;
  try {
    const sw = await (await api('/api/v1/switches/' + encodeURIComponent(id) + '/ports')).json();
    $('switch-title').textContent = sw.name;
    $('switch-meta').textContent = sw.site + (sw.floor ? ' / ' + sw.floor : '') + ' · ' + sw.platform + ' ' + (sw.model || '')
        + ' · ' + (sw.stale ? 'stale: ' + sw.staleReason : 'polled ' + ago(sw.lastOkAt)) + ' · ' + sw.ports.length + ' ports';
    $('switch-meta').className = sw.stale ? 'stale' : '';
    drawPanel(sw);
    if (!sw.ports.length) $('panel').appendChild(el('p', 'No port known yet: the switch has not been polled.', 'empty'));
  } catch (e) {
    $('switch-meta').textContent = e.message;
    $('switch-meta').className = 'error';
  }
}

/** One row of port squares per stack unit, odd ports on top as on the faceplate, coloured by state. */
function drawPanel(sw) {
  const units = new Map();
  for (const p of sw.ports) {
    const u = unitOf(p.port);
    if (!units.has(u)) units.set(u, []);
    units.get(u).push(p);
  }
  const size = 26;
  for (const [unit, ports] of units) {
    const box = el('div', null, 'unit');
    box.appendChild(el('div', unit, 'unit-name'));
    const cols = Math.ceil(ports.length / 2);
    // Ports of another type than the unit's usual one (Te beside Gi) are labelled with their type's initial.
    const typeOf = (name) => (/^[A-Za-z]*/.exec(name)[0] || '').toLowerCase();
    const counts = {};
    ports.forEach((p) => { counts[typeOf(p.port)] = (counts[typeOf(p.port)] || 0) + 1; });
    const usual = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
    const s = svg('svg', {width: cols * (size + 4) + 4, height: 2 * (size + 4) + 4, class: 'faceplate',
      role: 'group', 'aria-label': sw.name + ' ' + unit});
    ports.forEach((p, i) => {
      const col = Math.floor(i / 2);
      const row = i % 2;
      const g = svg('g', {class: 'port state-' + p.state, tabindex: 0, role: 'button', 'data-port': p.port,
        'data-key': p.portKey,
        'aria-label': p.port + ': ' + p.state});
      g.appendChild(svg('rect', {x: 4 + col * (size + 4), y: 4 + row * (size + 4), width: size, height: size, rx: 3}));
      g.appendChild(svg('text', {x: 4 + col * (size + 4) + size / 2, y: 4 + row * (size + 4) + size / 2 + 4,
        'text-anchor': 'middle'}, (typeOf(p.port) === usual ? '' : typeOf(p.port).charAt(0).toUpperCase())
          + p.port.replace(/^.*[/:]/, '')));
      g.appendChild(svg('title', {}, p.port + ' — ' + p.state + (p.description ? ' — ' + p.description : '')));
      const open = () => showPort(sw, p);
      g.addEventListener('click', open);
      g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
      s.appendChild(g);
    });
    box.appendChild(s);
    $('panel').appendChild(box);
  }
}

async function showPort(sw, p) {
  const d = $('port-detail');
  d.hidden = false;
  $('port-title').textContent = sw.name + ' ' + p.port;
  const facts = $('port-facts');
  facts.replaceChildren();
  const fact = (k, v) => { facts.appendChild(el('dt', k)); facts.appendChild(el('dd', v === null || v === undefined ? '—' : v)); };
  fact('State', p.state + (p.reason ? ' (' + p.reason + ')' : ''));
  fact('Link', (p.link || 'unknown') + (p.speed ? ', ' + p.speed : ''));
  fact('Description', p.description);
  fact('Mode', p.mode);
  fact('VLAN', p.pvid !== null && p.pvid !== undefined ? p.pvid + (p.allowedVlans ? ' + ' + p.allowedVlans : '') : p.allowedVlans);
  fact('MACs now', p.macCount);
  fact('Last MAC seen', p.lastMacSeen ? new Date(p.lastMacSeen).toLocaleString() : 'never');
  fact('Free since', p.freeSince ? new Date(p.freeSince).toLocaleString() : '—');
  const macs = $('port-macs');
  macs.replaceChildren();
  for (const m of p.macs || []) {
    const li = el('li');
    const a = el('a', m.mac);
    a.href = '?q=' + encodeURIComponent(m.mac);
    li.appendChild(a);
    li.appendChild(document.createTextNode(' ' + (m.vendor || '') + ' VLAN ' + m.vlan));
    macs.appendChild(li);
  }
  const hist = $('port-history');
  hist.replaceChildren(el('li', 'Loading…'));
  try {
    const h = await (await api('/api/v1/switches/' + sw.id + '/ports/history?size=50&port=' + encodeURIComponent(p.port))).json();
    hist.replaceChildren();
    for (const s of h.stays) {
      hist.appendChild(el('li', s.mac + (s.vendor ? ' (' + s.vendor + ')' : '') + ' from ' + new Date(s.from).toLocaleString()
          + (s.until ? ' until ' + new Date(s.until).toLocaleString() + ' (' + s.endedBy + ')' : ' — still there')));
    }
    if (!h.stays.length) hist.appendChild(el('li', 'No device recorded on this port.', 'empty'));
  } catch (e) {
    hist.replaceChildren(el('li', e.message, 'error'));
  }
}

// ---- the free-port report

async function showFree(site, floor) {
  showView('free-view');
  const days = $('free-days').value || '30';
  $('free-site').value = site || '';
  $('free-floor').value = floor || '';
  const out = $('free-report');
  out.replaceChildren(el('p', 'Loading…'));
  try {
    const r = await (await api(freeUrl())).json();
    out.replaceChildren();
    $('free-summary').textContent = r.total + (r.total === 1 ? ' port' : ' ports') + ' free for at least ' + r.days + ' days'
        + (r.capped ? ' (first ' + r.total + ' shown: narrow by site or floor)' : '') + '.';
    if (!r.total) out.appendChild(el('p', 'No port has been down and empty for ' + days + ' days here.', 'empty'));
    for (const fl of r.floors) {
      const sec = el('section', null, 'free-floor');
      sec.appendChild(el('h3', fl.site + ' / ' + (fl.floor || '—') + ': ' + fl.free + ' free'));
      const table = el('table');
      const head = el('tr');
      for (const h of ['Switch', 'Port', 'Description', 'Speed', 'Free since', 'Days']) head.appendChild(el('th', h));
      table.appendChild(head);
      for (const sw of fl.switches) {
        for (const p of sw.ports) {
          const tr = el('tr');
          const a = el('a', sw.name);
          a.href = '#switch/' + sw.id;
          const td = el('td');
          td.appendChild(a);
          tr.appendChild(td);
          tr.appendChild(el('td', p.port, 'port'));
          tr.appendChild(el('td', p.description || ''));
          tr.appendChild(el('td', p.speed || ''));
          tr.appendChild(el('td', new Date(p.freeSince).toLocaleDateString()));
          tr.appendChild(el('td', p.daysFree));
          table.appendChild(tr);
        }
      }
      sec.appendChild(table);
      out.appendChild(sec);
    }
  } catch (e) {
    out.replaceChildren(el('p', e.message, 'error'));
  }
}

function freeUrl(csv) {
  const params = new URLSearchParams({days: $('free-days').value || '30'});
  if ($('free-site').value.trim()) params.set('site', $('free-site').value.trim());
  if ($('free-floor').value.trim()) params.set('floor', $('free-floor').value.trim());
  if (csv) params.set('format', 'csv');
  return '/api/v1/ports/free?' + params;
}

/** The CSV needs the Authorization header, so it is fetched and handed over as a file. */
async function downloadFreeCsv() {
  try {
    const blob = await (await api(freeUrl(true))).blob();
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'free-ports.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    $('free-summary').textContent = e.message;
  }
}

// ---- permalinks and keyboard

function route() {
  if (!auth || $('app').hidden) return;
  const hash = location.hash;
  let m;
  if ((m = /^#switch\/(\d+)$/.exec(hash))) {
    showSwitch(m[1]);
  } else if ((m = /^#free(?:\/([^/]*)(?:\/(.*))?)?$/.exec(hash))) {
    showFree(m[1] && decodeURIComponent(m[1]), m[2] && decodeURIComponent(m[2]));
  } else {
    showView('search-view');
    const q = new URLSearchParams(location.search).get('q');
    if (q && q !== lastQuery) {
      $('q').value = q;
      search();
    }
  }
}

/** Called by showApp() once signed in. */
function onSignedIn(me) {
  role = me.role;
  document.body.dataset.role = me.role;
  route();
}

document.addEventListener('DOMContentLoaded', () => {
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (e.key === '/' && !typing && !$('app').hidden) {
      e.preventDefault();
      if (location.hash) { history.pushState(null, '', location.pathname + location.search); showView('search-view'); }
      $('q').focus();
      $('q').select();
    } else if (e.key === 'Escape' && !typing) {
      $('port-detail').hidden = true;
    }
  });
  $('free-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const hash = '#free/' + encodeURIComponent($('free-site').value.trim()) + '/' + encodeURIComponent($('free-floor').value.trim());
    if (location.hash === hash) route(); else location.hash = hash;
  });
  $('free-csv').addEventListener('click', downloadFreeCsv);
  $('nav-search').addEventListener('click', () => { history.pushState(null, '', location.pathname + location.search); route(); });
});
