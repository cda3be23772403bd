// Small SVG line charts: per-second rates over a window of samples. No library: a polyline
// per series, a baseline, and the largest value as the scale.
'use strict';
/* exported rates, drawChart -- app.js, inlined after this file, draws with them */

const SVG = 'http://www.w3.org/2000/svg';

/** Per-second rates from cumulative counts `[{ t, value }]`: one point per interval. */
function rates(points) {
  const out = [];
  for (let i = 1; i < points.length; i++) {
    const dt = Math.max(0.25, (points[i].t - points[i - 1].t) / 1000);
    out.push({ t: points[i].t, value: Math.max(0, points[i].value - points[i - 1].value) / dt });
  }
  return out;
}

/**
 * Draws `series` ([{ name, color, points: [{ t, value }] }]) into `svg` over the last
 * `windowMs` up to `now`; the y scale is the largest value of all series (at least 1).
 */
function drawChart(svg, series, { windowMs = 300_000, now = Date.now(), label = true } = {}) {
  // Drawn in the element's own pixels, so that lines and labels keep their proportions.
  if (svg.clientWidth > 0 && svg.clientHeight > 0)
    svg.setAttribute('viewBox', `0 0 ${svg.clientWidth} ${svg.clientHeight}`);
  const box = svg.viewBox.baseVal;
  const w = box && box.width ? box.width : 300;
  const h = box && box.height ? box.height : 40;
  const pad = label ? 12 : 2;
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const x = (t) => w - ((now - t) / windowMs) * w;
  const y = (v) => h - 2 - (v / max) * (h - pad - 2);
  while (svg.firstChild) svg.firstChild.remove();
  const base = document.createElementNS(SVG, 'line');
  base.setAttribute('x1', '0');
  base.setAttribute('x2', String(w));
  base.setAttribute('y1', String(h - 1.5));
  base.setAttribute('y2', String(h - 1.5));
  base.setAttribute('stroke', '#2a3440');
  svg.append(base);
  for (const s of series) {
    const visible = s.points.filter((p) => now - p.t <= windowMs);
    if (visible.length === 0) continue;
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', visible.map((p) => `${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', s.color);
    line.setAttribute('stroke-width', '1.5');
    line.setAttribute('vector-effect', 'non-scaling-stroke');
    line.dataset.series = s.name;
    svg.append(line);
  }
  if (label) {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', '4');
    text.setAttribute('y', '10');
    text.setAttribute('fill', '#8391a0');
    text.setAttribute('font-size', '9');
    text.textContent = `${formatRate(max)}/s`;
    svg.append(text);
    const span = document.createElementNS(SVG, 'text');
    span.setAttribute('x', String(w - 4));
    span.setAttribute('y', '10');
    span.setAttribute('text-anchor', 'end');
    span.setAttribute('fill', '#8391a0');
    span.setAttribute('font-size', '9');
    span.textContent =
      windowMs < 120_000 ? `last ${Math.round(windowMs / 1000)} s` : `last ${Math.round(windowMs / 60000)} min`;
    svg.append(span);
  }
}

function formatRate(v) {
  return v >= 100 ? String(Math.round(v)) : v >= 10 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, '');
}
