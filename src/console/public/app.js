// The console's page. Every request carries the session token in a header; streams are
// server-sent events read through fetch (EventSource cannot send a header). Text from the
// processes is only ever set as textContent.
'use strict';

const TOKEN = document.querySelector('meta[name="kheiron-token"]').content;
// The one-time token has been used: keep it out of the history and of any later copy of the address.
history.replaceState(null, '', `/${location.hash}`);

const $ = (id) => document.getElementById(id);
const WINDOW_MS = 5 * 60_000;
const AUDIT_TYPES = [
  'attach',
  'detach',
  'self-detach',
  'check-failed',
  'repair',
  'rule-error',
  'scheduled',
  'safe-point',
];
const SERIES = [
  { key: 'calls', name: 'calls', color: '#6cb6ff' },
  { key: 'checks', name: 'checks failed', color: '#f0b44c' },
  { key: 'repairs', name: 'repairs', color: '#57d18a' },
  { key: 'errors', name: 'rule errors', color: '#ff6b6b' },
];

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('data-')) el.setAttribute(k, String(v));
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'style')
      Object.assign(el.style, v); // CSSOM: the page's policy refuses style attributes
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat())
    if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

function svg(viewBox, cls) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  el.setAttribute('viewBox', viewBox);
  el.setAttribute('preserveAspectRatio', 'none');
  if (cls) el.setAttribute('class', cls);
  return el;
}

async function api(path, body) {
  const response = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: { 'x-kheiron-token': TOKEN, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = { error: text.trim() || response.statusText };
  }
  if (!response.ok)
    throw Object.assign(new Error(data.error || response.statusText), { details: data, status: response.status });
  return data;
}

/** Reads a stream of server-sent events until it ends or `signal` aborts it. */
async function stream(path, onEvent, signal) {
  const response = await fetch(path, { headers: { 'x-kheiron-token': TOKEN }, signal });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = JSON.parse(text).error;
    } catch {
      /* not JSON: the text itself */
    }
    throw new Error(message || response.statusText);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (data) onEvent(event, JSON.parse(data));
    }
  }
}

const state = {
  processes: [],
  pid: Number(/pid=(\d+)/.exec(location.hash)?.[1]) || undefined,
  samples: [],
  events: [],
  status: undefined,
  streamAbort: undefined,
  watchAbort: undefined,
};

function uptime(s) {
  if (s === undefined) return '';
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.round(s / 60)}m` : `${Math.round(s / 3600)}h`;
}

// ---- processes ----------------------------------------------------------------------

async function refreshProcesses() {
  try {
    state.processes = await api('/api/processes');
    $('connection').textContent =
      `${state.processes.length} process${state.processes.length === 1 ? '' : 'es'} · updated ${new Date().toLocaleTimeString()}`;
    $('connection').className = 'muted';
  } catch (error) {
    $('connection').textContent = `the console does not answer: ${error.message}`;
    $('connection').className = 'result error';
    return;
  }
  const body = $('processes').tBodies[0];
  body.replaceChildren(
    ...state.processes.map((p) =>
      h(
        'tr',
        {
          'data-pid': p.pid,
          'data-responding': p.responding,
          class: p.pid === state.pid ? 'selected' : '',
          onclick: () => select(p.pid),
        },
        h('td', { class: 'mono' }, String(p.pid)),
        h('td', { class: 'command mono', title: p.command ?? p.problem ?? '' }, p.command ?? p.problem ?? ''),
        h('td', {}, uptime(p.uptimeS)),
        h('td', {}, p.functions ?? ''),
        h('td', {}, p.rules ?? ''),
        h(
          'td',
          {},
          h('span', { class: `badge ${p.responding ? 'ok' : 'down'}` }, p.responding ? 'responding' : 'not responding'),
        ),
      ),
    ),
  );
  $('no-processes').hidden = state.processes.length > 0;
  if (state.pid === undefined && state.processes.length === 1 && state.processes[0].responding)
    select(state.processes[0].pid);
}

function select(pid) {
  if (state.pid === pid && state.streamAbort) return;
  state.pid = pid;
  history.replaceState(null, '', `/#pid=${pid}`);
  for (const row of $('processes').tBodies[0].rows) row.classList.toggle('selected', Number(row.dataset.pid) === pid);
  state.streamAbort?.abort();
  stopWatch();
  state.samples = [];
  state.events = [];
  state.status = undefined;
  $('process').hidden = false;
  $('process-title').textContent = `Process ${pid}`;
  $('process-summary').textContent = 'connecting to its agent…';
  $('rules').replaceChildren();
  $('audit').replaceChildren();
  const abort = new AbortController();
  state.streamAbort = abort;
  stream(
    `/api/processes/${pid}/stream`,
    (event, data) => {
      if (event === 'history') {
        state.samples = data.samples;
        state.events = data.events;
        if (data.status) showStatus(data.status);
        renderAudit();
        renderCharts();
      } else if (event === 'sample') {
        state.samples.push(data);
        while (state.samples.length > 0 && Date.now() - state.samples[0].t > WINDOW_MS + 5000) state.samples.shift();
        renderCharts();
      } else if (event === 'status') {
        showStatus(data);
      } else if (event === 'audit') {
        state.events.push(data);
        if (state.events.length > 1000) dropOldest(state.events);
        addAudit(data);
      } else if (event === 'gone') {
        $('process-summary').textContent = `process ${pid} has gone away`;
      }
    },
    abort.signal,
  ).catch((error) => {
    if (abort.signal.aborted) return;
    $('process-summary').textContent = `no live view of process ${pid}: ${error.message}`;
  });
  searchFunctions();
}

// ---- status, rules and charts -------------------------------------------------------

function showStatus(s) {
  const rulesBefore = JSON.stringify((state.status?.rules ?? []).map((r) => [r.id, r.functions]));
  state.status = s;
  $('process-title').textContent = `Process ${s.pid}`;
  $('process-summary').textContent =
    `${s.node} · up ${uptime(s.uptimeS)} · ${s.functions} functions prepared · ${s.rules.length} rule${s.rules.length === 1 ? '' : 's'} attached · ${s.argv.join(' ')}`;
  $('no-rules').hidden = s.rules.length > 0;
  if (JSON.stringify(s.rules.map((r) => [r.id, r.functions])) !== rulesBefore) {
    renderRules();
    markAttached();
  }
}

function renderRules() {
  const rules = state.status?.rules ?? [];
  const sets = [...new Set(rules.map((r) => r.set))];
  $('rules').replaceChildren(
    ...sets.flatMap((set) => [
      h(
        'div',
        { class: 'row muted' },
        `set ${set}`,
        h(
          'button',
          { class: 'danger small', type: 'button', 'data-detach-set': set, onclick: () => detach({ set }) },
          'detach set',
        ),
      ),
      ...rules
        .filter((r) => r.set === set)
        .map((r) =>
          h(
            'div',
            { class: 'rule', 'data-rule': r.id },
            h(
              'header',
              {},
              h('span', { class: 'id mono' }, r.id),
              h(
                'button',
                { class: 'danger small', type: 'button', 'data-detach': r.id, onclick: () => detach({ ids: [r.id] }) },
                'detach',
              ),
            ),
            h(
              'div',
              { class: 'fns mono' },
              r.functions.length
                ? r.functions.join(', ')
                : 'no function yet: it applies to matching modules when they load',
            ),
            h(
              'div',
              { class: 'sparks' },
              SERIES.map((s) =>
                h('div', { class: 'spark', 'data-series': s.key }, s.name, h('b', {}, '0'), svg('0 0 120 34')),
              ),
            ),
          ),
        ),
    ]),
  );
  renderCharts();
}

function pointsOf(ruleId, key) {
  return state.samples
    .map((sample) => ({ t: sample.t, value: sample.rules.find((r) => r.id === ruleId)?.[key] }))
    .filter((p) => p.value !== undefined);
}

/** The charts' time span: the history there is, from one minute up to five. */
function chartWindow(now) {
  const span = state.samples.length ? now - state.samples[0].t : 0;
  return Math.min(WINDOW_MS, Math.max(60_000, span));
}

function renderCharts() {
  const now = Date.now();
  const windowMs = chartWindow(now);
  const last = state.samples[state.samples.length - 1];
  // The process: repairs, failed checks and rule errors per second, whatever rules come and go.
  const totals = [
    { name: 'repairs', color: '#57d18a', counter: 'repair' },
    { name: 'checks failed', color: '#f0b44c', counter: 'check-failed' },
    { name: 'rule errors', color: '#ff6b6b', counter: 'rule-error' },
  ].map((s) => ({ ...s, points: rates(state.samples.map((x) => ({ t: x.t, value: x.counters[s.counter] ?? 0 }))) }));
  drawChart($('activity'), totals, { windowMs, now });
  const activity = $('activity');
  for (const s of totals) activity.dataset[s.counter.replace('-', '')] = String(last?.counters[s.counter] ?? 0);
  $('activity-legend').replaceChildren(
    ...totals.map((s) =>
      h('span', {}, h('i', { style: { background: s.color } }), `${s.name} ${last?.counters[s.counter] ?? 0}`),
    ),
  );
  for (const card of document.querySelectorAll('.rule[data-rule]')) {
    const id = card.dataset.rule;
    const now_ = last?.rules.find((r) => r.id === id);
    for (const s of SERIES) {
      const spark = card.querySelector(`.spark[data-series="${s.key}"]`);
      const total = now_?.[s.key] ?? 0;
      spark.querySelector('b').textContent = String(total);
      spark.dataset.total = String(total);
      card.dataset[s.key] = String(total);
      // A rule's charts span its own life: from 20 s up to five minutes.
      const points = pointsOf(id, s.key);
      const span = Math.min(WINDOW_MS, Math.max(20_000, points.length ? now - points[0].t : 0));
      drawChart(spark.querySelector('svg'), [{ name: s.key, color: s.color, points: rates(points) }], {
        windowMs: span,
        now,
        label: false,
      });
    }
  }
}

async function detach(what) {
  try {
    const result = await api(`/api/processes/${state.pid}/detach`, what);
    setResult(
      'attach-result',
      'ok',
      result.detached.length ? `detached ${result.detached.join(', ')}` : 'no rules were attached',
    );
  } catch (error) {
    setResult('attach-result', 'error', error.message);
  }
}

// ---- actions --------------------------------------------------------------------------

function setResult(id, kind, ...content) {
  const el = $(id);
  el.className = `result ${kind}`;
  el.replaceChildren(...content);
}

$('attach-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('attach-file').value.trim();
  if (!file) return setResult('attach-result', 'error', 'which rules file?');
  setResult('attach-result', '', 'attaching…');
  try {
    const result = await api(`/api/processes/${state.pid}/attach`, { file });
    setResult(
      'attach-result',
      'ok',
      ...result.rules.map((r) =>
        h(
          'div',
          {},
          `attached ${r.id} (${r.set}) to ${r.functions.length ? r.functions.map((f) => `${f.name} [${f.prepared}]`).join(', ') : 'no function yet'}`,
          ...(r.unreachable ?? []).map((u) =>
            h(
              'div',
              { class: 'where' },
              `not attached to ${u.name} (${u.module}${u.line ? `:${u.line}` : ''}): ${u.reason}`,
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    const d = error.details ?? {};
    setResult(
      'attach-result',
      'error',
      h('div', {}, error.message),
      d.line
        ? h(
            'div',
            { class: 'where' },
            `${d.file ?? 'the rules file'}, line ${d.line}${d.column ? `, column ${d.column}` : ''}${d.rule ? `, rule '${d.rule}'` : ''}`,
          )
        : null,
      d.source ? h('pre', {}, `${d.line} | ${d.source}`) : null,
    );
  }
});

$('inject-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const times = $('inject-times').value.trim();
    const result = await api(`/api/processes/${state.pid}/inject`, {
      target: $('inject-target').value,
      throw: $('inject-throw').value,
      ...(times ? { times } : {}),
    });
    setResult('inject-result', 'ok', `attached ${result.id} to ${result.functions.join(', ') || 'no function yet'}`);
  } catch (error) {
    setResult('inject-result', 'error', error.message);
  }
});

function stopWatch() {
  state.watchAbort?.abort();
  state.watchAbort = undefined;
  $('watch-button').textContent = 'watch';
}

$('watch-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.watchAbort) {
    stopWatch();
    setResult('watch-result', '', 'stopped: the watch is detached');
    return;
  }
  const target = $('watch-target').value.trim();
  const rate = $('watch-rate').value.trim() || '10';
  $('watch-rate-shown').textContent = rate;
  const abort = new AbortController();
  state.watchAbort = abort;
  $('watch-button').textContent = 'stop';
  $('watch-calls').replaceChildren();
  stream(
    `/api/processes/${state.pid}/watch?target=${encodeURIComponent(target)}&rate=${encodeURIComponent(rate)}`,
    (name, e) => {
      if (name === 'watching')
        setResult(
          'watch-result',
          'ok',
          `watching ${e.functions.length} function${e.functions.length === 1 ? '' : 's'}${e.functions.length ? `: ${e.functions.join(', ')}` : ''}`,
        );
      else if (name === 'call') {
        const list = $('watch-calls');
        list.prepend(
          e.dropped
            ? h('li', { class: 'muted' }, `(${e.dropped} calls not shown: over ${rate}/s)`)
            : h(
                'li',
                { 'data-function': e.function },
                h('span', { class: 't' }, new Date().toLocaleTimeString()),
                `${e.function}(${e.args.join(', ')}) `,
                'error' in e ? h('span', { class: 'type rule-error' }, `threw ${e.error}`) : `= ${e.result}`,
                h('span', { class: 'muted' }, `  ${e.durationMs} ms`),
              ),
        );
        while (list.children.length > 200) list.lastChild.remove();
      }
    },
    abort.signal,
  ).then(
    () => {
      if (state.watchAbort === abort) {
        stopWatch();
        setResult('watch-result', '', 'the watch ended');
      }
    },
    (error) => {
      if (abort.signal.aborted) return;
      stopWatch();
      setResult('watch-result', 'error', error.message);
    },
  );
});

// ---- audit trail ------------------------------------------------------------------------

for (const type of AUDIT_TYPES) $('audit-type').append(h('option', { value: type }, type));
$('audit-type').addEventListener('change', renderAudit);
$('audit-rule').addEventListener('input', renderAudit);

// Attach, detach and self-detach are few and tell the story: repairs and checks make way first.
const LIFECYCLE = new Set(['attach', 'detach', 'self-detach']);
function dropOldest(events) {
  const i = events.findIndex((e) => !LIFECYCLE.has(e.type));
  events.splice(i >= 0 && events.length - i > 1 ? i : 0, 1);
}

function auditShown(e) {
  const type = $('audit-type').value;
  const rule = $('audit-rule').value.trim();
  return (!type || e.type === type) && (!rule || (e.rule ?? '').includes(rule));
}

function auditItem(e) {
  const detail = e.detail
    ? Object.entries(e.detail)
        .filter(([k]) => k !== 'functions')
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
        .join(' ')
    : '';
  return h(
    'li',
    { 'data-type': e.type, 'data-rule': e.rule, title: JSON.stringify(e) },
    h('span', { class: 't' }, e.time.slice(11, 23)),
    h('span', { class: `type ${e.type}` }, e.type),
    ' ',
    h('span', { class: 'mono' }, e.rule ?? ''),
    ' ',
    e.function ?? '',
    detail ? h('span', { class: 'muted' }, `  ${detail}`) : null,
  );
}

function renderAudit() {
  $('audit').replaceChildren(...state.events.filter(auditShown).slice(-300).reverse().map(auditItem));
}

function addAudit(e) {
  if (!auditShown(e)) return;
  const list = $('audit');
  list.prepend(auditItem(e));
  while (list.children.length > 300) list.lastChild.remove();
}

// ---- registry ----------------------------------------------------------------------------

async function searchFunctions() {
  const pattern = $('functions-pattern').value.trim();
  const pid = state.pid;
  try {
    const entries = await api(
      `/api/processes/${pid}/functions${pattern ? `?pattern=${encodeURIComponent(pattern)}` : ''}`,
    );
    if (pid !== state.pid) return;
    setResult(
      'functions-result',
      'muted',
      `${entries.length} function${entries.length === 1 ? '' : 's'}${entries.length > 500 ? ' (the first 500 shown)' : ''}`,
    );
    const modules = new Map();
    for (const e of entries.slice(0, 500)) (modules.get(e.module) ?? modules.set(e.module, []).get(e.module)).push(e);
    $('functions').replaceChildren(
      ...[...modules].flatMap(([module, list]) => [
        h('div', { class: 'module' }, module),
        h(
          'table',
          {},
          h(
            'tbody',
            {},
            list.map((e) =>
              h(
                'tr',
                { 'data-function': e.name },
                h('td', { class: 'mono' }, e.name),
                h(
                  'td',
                  {},
                  [e.static ? 'static' : '', e.async ? 'async' : '', e.generator ? 'generator' : '', e.kind]
                    .filter(Boolean)
                    .join(' '),
                  ` (${e.params})`,
                ),
                h('td', { class: 'muted' }, `:${e.line}`),
                h('td', { class: 'muted' }, e.prepared),
                h('td', { class: 'attached' }, ''),
              ),
            ),
          ),
        ),
      ]),
    );
    markAttached();
  } catch (error) {
    setResult('functions-result', 'error', error.message);
  }
}

function markAttached() {
  const byName = new Map();
  for (const r of state.status?.rules ?? [])
    for (const name of r.functions) byName.set(name, [...(byName.get(name) ?? []), r.id]);
  for (const row of document.querySelectorAll('#functions tr[data-function]')) {
    const ids = byName.get(row.dataset.function);
    row.lastChild.textContent = ids ? `attached: ${ids.join(', ')}` : '';
  }
}

$('functions-search').addEventListener('click', searchFunctions);
$('functions-pattern').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') searchFunctions();
});
$('detach-all').addEventListener('click', () => detach({ all: true }));

refreshProcesses().then(() => {
  if (state.pid !== undefined) select(state.pid);
});
setInterval(refreshProcesses, 2000);
setInterval(renderCharts, 1000);
