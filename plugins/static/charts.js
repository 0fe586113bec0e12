// The chart pages' charts (statements per speaker, events over time, the timeline), drawn
// as plain SVG from the canned query's own JSON, the full width of the page, in the
// query's order (by value where that is the point). The page's <svg class="chart"> says
// which chart and which columns through data- attributes. Text goes in with textContent.
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const PRECISION = { day: "#1f5fbf", month: "#e07b00", year: "#1d8a4a", decade: "#8e3fb5" };

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, attrs, value) {
    const node = el("text", attrs, parent);
    node.textContent = value;
    return node;
  }
  // Shorten a label to fit `room` pixels (measured), the whole label in its tooltip.
  function fit(node, room) {
    const full = node.textContent;
    if (node.getComputedTextLength() <= room) return;
    let cut = full.length;
    while (cut > 1 && node.getComputedTextLength() > room) {
      cut -= 1;
      node.textContent = full.slice(0, cut) + "…";
    }
  }

  // Horizontal bars, one per row, in the query's order (most first): names stay readable on a phone.
  function bars(svg, rows, opts) {
    const width = svg.clientWidth;
    const row = 24, top = 8;
    const height = top + rows.length * row + 8;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.style.height = `${height}px`;
    const labelRoom = Math.min(Math.max(width * 0.38, 110), 260);
    const max = Math.max(...rows.map((r) => Number(r[opts.value]) || 0), 1);
    const barRoom = width - labelRoom - 48;
    rows.forEach((r, i) => {
      const y = top + i * row;
      const value = Number(r[opts.value]) || 0;
      const g = el("g", { class: "bar" }, svg);
      const href = opts.link ? opts.link + encodeURIComponent(r[opts.label]) : null;
      const holder = href ? el("a", { href }, g) : g;
      const label = text(holder, { x: labelRoom - 6, y: y + 16, "text-anchor": "end", class: "bar-label" }, String(r[opts.label]));
      fit(label, labelRoom - 10);
      el("rect", { x: labelRoom, y: y + 4, width: Math.max((value / max) * barRoom, 1), height: row - 8, class: "bar-rect" }, holder);
      text(g, { x: labelRoom + (value / max) * barRoom + 4, y: y + 16, class: "bar-value" }, String(value));
      el("title", {}, g).textContent = `${r[opts.label]}: ${value}`;
    });
    svg.dataset.marks = rows.length;
  }

  // Vertical bars on an ordered axis (years): every label, slanted when they do not fit
  // side by side, and one in two, three... only when even slanted ones would collide.
  function columns(svg, rows, opts) {
    const width = svg.clientWidth;
    const left = 36, right = 8, top = 16;
    const step = (width - left - right) / Math.max(rows.length, 1);
    const slanted = step < 40;
    const every = Math.max(1, Math.ceil((slanted ? 16 : 40) / step));
    const bottom = slanted ? 48 : 28, height = 260 + bottom;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.style.height = `${height}px`;
    const max = Math.max(...rows.map((r) => Number(r[opts.value]) || 0), 1);
    for (let t = 0; t <= max; t += Math.max(1, Math.ceil(max / 5))) {
      const y = height - bottom - (t / max) * (height - top - bottom);
      el("line", { x1: left, x2: width - right, y1: y, y2: y, class: "grid" }, svg);
      text(svg, { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, String(t));
    }
    rows.forEach((r, i) => {
      const value = Number(r[opts.value]) || 0;
      const h = (value / max) * (height - top - bottom);
      const x = left + i * step;
      const g = el("g", { class: "bar" }, svg);
      el("rect", { x: x + step * 0.15, y: height - bottom - h, width: Math.max(step * 0.7, 1), height: h, class: "bar-rect" }, g);
      el("title", {}, g).textContent = `${r[opts.label]}: ${value}`;
      if (i % every !== 0) return;
      const cx = x + step / 2, cy = height - bottom + 16;
      text(svg, slanted ? { x: cx + 4, y: cy, "text-anchor": "end", class: "tick x-label", transform: `rotate(-45 ${cx + 4} ${cy})` }
                        : { x: cx, y: cy, "text-anchor": "middle", class: "tick x-label" }, String(r[opts.label]));
    });
    svg.dataset.marks = rows.length;
  }

  function niceStep(years, room) {
    for (const s of [1, 2, 5, 10, 20, 25, 50, 100]) if (years / s <= room) return s;
    return 200;
  }

  // Dots on a time axis, one lane per kind of happening, coloured by the date's precision.
  function timeline(svg, rows, opts) {
    const width = svg.clientWidth;
    const narrow = width < 560;
    const lanes = [...new Set(rows.map((r) => r[opts.lane]))];
    const laneHeight = 46, top = 10, axis = 30;
    // Room on the left for the longest lane name (on a phone the names go above their lanes).
    const probe = text(svg, { class: "lane-label" }, "");
    const longest = Math.max(...lanes.map((lane) => { probe.textContent = lane; return probe.getComputedTextLength(); }));
    probe.remove();
    const left = narrow ? 10 : Math.min(longest + 16, width * 0.35), right = 16;
    const height = top + lanes.length * laneHeight + axis;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.style.height = `${height}px`;
    const times = rows.map((r) => Date.parse(r[opts.time]));
    const lo = new Date(Math.min(...times)), hi = new Date(Math.max(...times));
    const first = lo.getUTCFullYear(), last = hi.getUTCFullYear() + 1;
    const x = (t) => left + ((t - Date.UTC(first, 0, 1)) / (Date.UTC(last, 0, 1) - Date.UTC(first, 0, 1))) * (width - left - right);
    const step = niceStep(last - first, Math.max(2, Math.floor((width - left - right) / 56)));
    const base = height - axis;
    for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
      const px = x(Date.UTC(year, 0, 1));
      el("line", { x1: px, x2: px, y1: top, y2: base, class: "grid" }, svg);
      text(svg, { x: px, y: base + 18, "text-anchor": "middle", class: "tick year" }, String(year));
    }
    lanes.forEach((lane, i) => {
      const y = top + i * laneHeight;
      el("line", { x1: left, x2: width - right, y1: y + laneHeight - 4, y2: y + laneHeight - 4, class: "lane-rule" }, svg);
      const label = narrow
        ? text(svg, { x: left, y: y + 11, class: "lane-label" }, lane)
        : text(svg, { x: left - 8, y: y + laneHeight / 2 + 4, "text-anchor": "end", class: "lane-label" }, lane);
      fit(label, narrow ? width - left - right : left - 14);
    });
    const seen = new Map();
    rows.forEach((r, i) => {
      const lane = lanes.indexOf(r[opts.lane]);
      const px = x(times[i]);
      const slot = `${lane}:${Math.round(px / 6)}`;
      const n = seen.get(slot) || 0;  // dots on the same day in a lane step down, not on top of each other
      seen.set(slot, n + 1);
      const cy = top + lane * laneHeight + (narrow ? 24 : 14) + (n % 3) * 8;
      const dot = el("circle", { cx: px, cy, r: 5, class: `dot precision-${r[opts.color]}`, fill: PRECISION[r[opts.color]] || "#555" }, svg);
      el("title", {}, dot).textContent = `${r[opts.label]} (${r.date_text || r[opts.time]}, to the ${r[opts.color]})`;
    });
    svg.dataset.marks = rows.length;
    const legend = svg.parentNode.querySelector(".chart-legend");
    if (legend) {
      for (const [name, colour] of Object.entries(PRECISION)) {
        const item = document.createElement("span");
        item.className = `legend-item precision-${name}`;
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = colour;
        item.append(swatch, `to the ${name}`);
        legend.append(item);
      }
    }
  }

  const CHARTS = { bars, columns, timeline };

  document.addEventListener("DOMContentLoaded", () => {
    for (const svg of document.querySelectorAll("svg.chart")) {
      fetch(svg.dataset.json)
        .then((response) => response.json())
        .then((rows) => {
          if (!rows.length) {
            text(svg, { x: 10, y: 24 }, "Nothing to chart.");
            svg.dataset.marks = 0;
            return;
          }
          CHARTS[svg.dataset.chart](svg, rows, svg.dataset);
        })
        .catch((error) => { text(svg, { x: 10, y: 24 }, `The chart could not be drawn: ${error}`); });
    }
  });
})();
