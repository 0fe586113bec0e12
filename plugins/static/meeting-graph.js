// Who met whom: meetings and their participants as a network, drawn as SVG from the
// meeting_graph query's JSON (one row per meeting and participant). A meeting is a
// square, numbered, styled by its status; a participant is a circle coloured by kind;
// a link is styled by the participant's attendance, so a party said not to have been
// there is never drawn as present. Participants who met share a meeting square: a
// nine-party meeting is a star of nine links, not a tangle of thirty-six.
// Labels are placed so that none overlaps another or leaves the picture; a label that
// cannot be placed is left out (its name is in the node's tooltip and in the list below).
// Names are set with textContent, never parsed as HTML.
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const TABLES = { person: "people", organisation: "organisations", location: "locations", anonymous: "sources" };
  const NOT_HELD = new Set(["attempted", "proposed"]);

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
    const links = [];
    let number = 0;
    for (const row of rows) {
      const mkey = "meeting:" + row.meeting_id;
      if (!nodes.has(mkey)) {
        number += 1;
        nodes.set(mkey, { key: mkey, kind: "meeting", id: row.meeting_id, name: row.meeting, status: row.status,
                          date: row.date, number, degree: 0, x: 0, y: 0 });
      }
      if (!nodes.has(row.participant_key)) {
        const [kind, ...rest] = row.participant_key.split(":");
        nodes.set(row.participant_key, { key: row.participant_key, kind, id: rest.join(":"), name: row.participant,
                                         degree: 0, x: 0, y: 0 });
      }
      const meeting = nodes.get(mkey), party = nodes.get(row.participant_key);
      meeting.degree += 1;
      party.degree += 1;
      links.push({ a: party, b: meeting, attendance: row.attendance || "reported", role: row.role, status: row.status });
    }
    return { nodes: Array.from(nodes.values()), links };
  }

  // Fruchterman-Reingold from a circle, a fixed number of steps: the same picture every time.
  function layout(nodes, links, width, height, margin) {
    const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.55;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + (width / 3) * Math.cos(angle);
      n.y = height / 2 + (height / 3) * Math.sin(angle);
    });
    let temperature = Math.max(width, height) / 8;
    for (let step = 0; step < 320; step++) {
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
        n.dx += (width / 2 - n.x) * 0.04 * k / 10;
        n.dy += (height / 2 - n.y) * 0.04 * k / 10;
        const d = Math.max(Math.hypot(n.dx, n.dy), 0.01);
        n.x += (n.dx / d) * Math.min(d, temperature);
        n.y += (n.dy / d) * Math.min(d, temperature);
      }
      temperature *= 0.985;
    }
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (const n of nodes) {
      n.x = margin + ((n.x - minX) / Math.max(maxX - minX, 1)) * (width - 2 * margin);
      n.y = margin + ((n.y - minY) / Math.max(maxY - minY, 1)) * (height - 2 * margin);
    }
  }

  const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  // Greedy label placement: most-linked first, each at the first of eight spots around its
  // node that overlaps no placed label and no node and stays inside the picture.
  function placeLabels(svg, graph, width, height) {
    const taken = graph.nodes.map((n) => ({ x: n.x - n.r - 1, y: n.y - n.r - 1, width: 2 * n.r + 2, height: 2 * n.r + 2 }));
    const order = graph.nodes.filter((n) => n.label).sort((a, b) => b.degree - a.degree);
    let hidden = 0;
    for (const n of order) {
      const box = n.label.getBBox();
      const w = box.width, h = box.height, gap = n.r + 3;
      const spots = [
        [gap, -h / 2], [-gap - w, -h / 2], [-w / 2, -gap - h], [-w / 2, gap],
        [gap, -h - 2], [gap, 2], [-gap - w, -h - 2], [-gap - w, 2],
      ];
      let placed = false;
      for (const [dx, dy] of spots) {
        const rect = { x: n.x + dx, y: n.y + dy, width: w, height: h };
        if (rect.x < 2 || rect.y < 2 || rect.x + w > width - 2 || rect.y + h > height - 2) continue;
        if (taken.some((t) => overlaps(rect, t))) continue;
        // text is positioned by its baseline: move it so its box lands on rect
        n.label.setAttribute("x", rect.x - box.x + Number(n.label.getAttribute("x")));
        n.label.setAttribute("y", rect.y - box.y + Number(n.label.getAttribute("y")));
        taken.push(rect);
        placed = true;
        break;
      }
      if (!placed) {
        n.label.remove();
        n.label = null;
        hidden += 1;
      }
    }
    return hidden;
  }

  function draw(svg, graph, base) {
    const width = svg.clientWidth || 800;
    const narrow = width < 560;
    const height = Math.round(Math.min(Math.max(graph.nodes.length * (narrow ? 24 : 13), narrow ? 520 : 560), 1600));
    svg.style.height = `${height}px`;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    layout(graph.nodes, graph.links, width, height, narrow ? 22 : 40);
    const edges = el("g", { class: "graph-edges" }, svg);
    for (const link of graph.links) {
      const cls = `graph-edge ${link.attendance}${NOT_HELD.has(link.status) ? " not-held" : ""}`;
      const line = el("line", { class: cls, x1: link.a.x, y1: link.a.y, x2: link.b.x, y2: link.b.y,
                                "data-attendance": link.attendance, "data-status": link.status }, edges);
      const said = link.attendance === "denied" ? "said not to have been there" : `attendance ${link.attendance}`;
      el("title", {}, line).textContent = `${link.a.name}, ${link.role}, ${said}: ${link.b.name} (${link.status})`;
      if (link.attendance === "denied") {  // a cross on the link: not there
        const mx = (link.a.x + link.b.x) / 2, my = (link.a.y + link.b.y) / 2;
        el("path", { class: "graph-cross", d: `M${mx - 4},${my - 4}L${mx + 4},${my + 4}M${mx - 4},${my + 4}L${mx + 4},${my - 4}` }, edges);
      }
    }
    const group = el("g", { class: "graph-nodes" }, svg);
    for (const n of graph.nodes) {
      const table = n.kind === "meeting" ? "meetings" : TABLES[n.kind] || "sources";
      const a = el("a", { class: `graph-node ${n.kind}${n.status ? " status-" + n.status : ""}`,
                          href: `${base}/${table}/${tildeEncode(n.id)}`, "data-key": n.key }, group);
      if (n.kind === "meeting") {
        n.r = 9;
        el("rect", { x: n.x - 8, y: n.y - 8, width: 16, height: 16, rx: 2 }, a);
        el("text", { x: n.x, y: n.y + 3.5, "text-anchor": "middle", class: "meeting-number" }, a).textContent = String(n.number);
        el("title", {}, a).textContent = `${n.number}. ${n.name} (${n.status}${n.date ? ", " + n.date : ""})`;
      } else {
        n.r = 4 + Math.min(Math.sqrt(n.degree) * 1.6, 6);
        el("circle", { cx: n.x, cy: n.y, r: n.r }, a);
        n.label = el("text", { x: n.x, y: n.y, class: "graph-label" }, a);
        n.label.textContent = n.name;
        el("title", {}, a).textContent = `${n.name} (${n.kind}), in ${n.degree} meeting${n.degree === 1 ? "" : "s"}`;
      }
    }
    const hidden = placeLabels(svg, graph, width, height);
    svg.dataset.nodes = graph.nodes.length;
    svg.dataset.links = graph.links.length;
    svg.dataset.hiddenLabels = hidden;
    return hidden;
  }

  // The numbered list of meetings under the graph: what each square is.
  function listMeetings(list, graph, base, hidden) {
    for (const n of graph.nodes.filter((n) => n.kind === "meeting")) {
      const item = document.createElement("li");
      item.className = `graph-meeting status-${n.status}`;
      item.dataset.number = n.number;
      const number = document.createElement("b");
      number.className = "meeting-key";
      number.textContent = `${n.number}. `;
      item.append(number);
      const a = document.createElement("a");
      a.href = `${base}/meetings/${tildeEncode(n.id)}`;
      a.textContent = n.name;
      const small = document.createElement("small");
      small.textContent = ` ${n.status}${n.date ? ", " + n.date : ""}`;
      item.append(a, small);
      list.append(item);
    }
    const note = document.getElementById("graph-hidden");
    if (note && hidden) note.textContent = `${hidden} name${hidden === 1 ? "" : "s"} left off for lack of room: hover or tap a circle for its name.`;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const svg = document.getElementById("meeting-graph");
    if (!svg) return;
    fetch(svg.dataset.json)
      .then((response) => response.json())
      .then((rows) => {
        const graph = graphFrom(rows);
        const hidden = draw(svg, graph, svg.dataset.base);
        const list = document.getElementById("graph-meetings");
        if (list) listMeetings(list, graph, svg.dataset.base, hidden);
      })
      .catch((error) => {
        el("text", { x: 20, y: 30 }, svg).textContent = `The graph could not be drawn: ${error}`;
      });
  });
})();
