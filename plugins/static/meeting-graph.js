// Who met whom: people, organisations, countries and unnamed parties as nodes, meetings as
// links, laid out by a small force simulation and drawn as SVG from the meeting_graph
// query's JSON. datasette-vega's bundle keeps Vega private (no global), hence plain SVG.
// Names are set with textContent, never parsed as HTML.
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const TABLES = { person: "people", organisation: "organisations", location: "locations", anonymous: "sources" };
  const RANK = { reported: 0, denied: 1, disputed: 2 };

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  // Datasette's tilde encoding of a primary key in a row URL.
  function tildeEncode(value) {
    return Array.from(new TextEncoder().encode(value)).map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9_-]/.test(c) ? c : "~" + byte.toString(16).toUpperCase().padStart(2, "0");
    }).join("");
  }

  function graphFrom(rows) {
    const nodes = new Map();
    const links = new Map();
    const node = (key, name) => {
      if (!nodes.has(key)) {
        const [kind, ...rest] = key.split(":");
        nodes.set(key, { key, kind, id: rest.join(":"), name, degree: 0, x: 0, y: 0, dx: 0, dy: 0 });
      }
      return nodes.get(key);
    };
    for (const row of rows) {
      const a = node(row.source_key, row.source);
      const b = node(row.target_key, row.target);
      const key = [a.key, b.key].sort().join("|");
      if (!links.has(key)) {
        links.set(key, { a, b, meetings: [], count: 0, link: "reported" });
        a.degree += 1;
        b.degree += 1;
      }
      const link = links.get(key);
      link.count += Number(row.meetings) || 1;  // the query gives one row per pair, with its count
      link.meetings.push(`${row.meeting} (${row.status}${row.link !== "reported" ? ", attendance " + row.link : ""})`);
      if (RANK[row.link] > RANK[link.link]) link.link = row.link;
    }
    return { nodes: Array.from(nodes.values()), links: Array.from(links.values()) };
  }

  // Fruchterman-Reingold from a circle, a fixed number of steps: the same picture every time.
  function layout(nodes, links, width, height) {
    const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.6;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + (width / 3) * Math.cos(angle);
      n.y = height / 2 + (height / 3) * Math.sin(angle);
    });
    let temperature = width / 8;
    for (let step = 0; step < 300; step++) {
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const x = a.x - b.x, y = a.y - b.y;
          const d = Math.max(Math.hypot(x, y), 0.01);
          const force = (k * k) / d;
          a.dx += (x / d) * force; a.dy += (y / d) * force;
          b.dx -= (x / d) * force; b.dy -= (y / d) * force;
        }
      }
      for (const { a, b } of links) {
        const x = a.x - b.x, y = a.y - b.y;
        const d = Math.max(Math.hypot(x, y), 0.01);
        const force = (d * d) / k;
        a.dx -= (x / d) * force; a.dy -= (y / d) * force;
        b.dx += (x / d) * force; b.dy += (y / d) * force;
      }
      for (const n of nodes) {  // a little gravity keeps separate groups on screen
        n.dx += (width / 2 - n.x) * 0.05 * k / 10;
        n.dy += (height / 2 - n.y) * 0.05 * k / 10;
        const d = Math.max(Math.hypot(n.dx, n.dy), 0.01);
        n.x += (n.dx / d) * Math.min(d, temperature);
        n.y += (n.dy / d) * Math.min(d, temperature);
      }
      temperature *= 0.985;
    }
    // Fit into the box, leaving room for labels on the right.
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const margin = 24, labelRoom = Math.min(140, width / 4);
    for (const n of nodes) {
      n.x = margin + ((n.x - minX) / Math.max(maxX - minX, 1)) * (width - 2 * margin - labelRoom);
      n.y = margin + ((n.y - minY) / Math.max(maxY - minY, 1)) * (height - 2 * margin);
    }
  }

  function draw(svg, graph, base) {
    const width = svg.clientWidth || 800, height = svg.clientHeight || 560;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    layout(graph.nodes, graph.links, width, height);
    const edges = el("g", { class: "graph-edges" }, svg);
    for (const link of graph.links) {
      const line = el("line", {
        class: `graph-edge ${link.link}`, x1: link.a.x, y1: link.a.y, x2: link.b.x, y2: link.b.y,
        "stroke-width": Math.min(1.5 + link.count, 6), "data-link": link.link,
      }, edges);
      el("title", {}, line).textContent = `${link.a.name} – ${link.b.name}: ${link.meetings.join("; ")}`;
    }
    const group = el("g", { class: "graph-nodes" }, svg);
    for (const n of graph.nodes) {
      const a = el("a", { class: `graph-node ${n.kind}`, href: `${base}/${TABLES[n.kind] || "sources"}/${tildeEncode(n.id)}` }, group);
      el("circle", { cx: n.x, cy: n.y, r: 4 + Math.sqrt(n.degree) * 2 }, a);
      el("text", { x: n.x + 8 + Math.sqrt(n.degree) * 2, y: n.y + 4 }, a).textContent = n.name;
      el("title", {}, a).textContent = `${n.name} (${n.kind}), met ${n.degree}`;
    }
    svg.dataset.nodes = graph.nodes.length;
    svg.dataset.links = graph.links.length;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const svg = document.getElementById("meeting-graph");
    if (!svg) return;
    fetch(svg.dataset.json)
      .then((response) => response.json())
      .then((rows) => draw(svg, graphFrom(rows), svg.dataset.base))
      .catch((error) => {
        el("text", { x: 20, y: 30 }, svg).textContent = `The graph could not be drawn: ${error}`;
      });
  });
})();
