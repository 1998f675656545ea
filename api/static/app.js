/* plangraph page: agency search (typo-tolerant), an agency's tasks first (lead / co, grouped by document), its
   collaborator network (cytoscape.js, vendored), a document's co-responsibility network, a task view and a plan
   upload. Plain DOM, no framework.
   Routes: #/ (home), #/agencies/{id}, #/tasks/{id}, #/documents/{id} (also #doc={id}). */
"use strict";

const $ = (id) => document.getElementById(id);
const AGENCY_NET_MAX = 40; // collaborators drawn around one agency (the rest are listed and counted)
const DOC_NET_MAX = 60; // agencies drawn in one document's network
let lastAgency = null; // the agency whose list the task view returns to
let searchSeq = 0; // a newer search makes older answers stale
const charts = {}; // container id -> cytoscape instance (tests read them through window.plangraphCharts)
window.plangraphCharts = charts;

/** h("a", {href: "#"}, "text", child…): a DOM element; strings become text nodes (never HTML). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === "" || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const en = (text) => h("span", { lang: "en" }, text);
const bi = (zh, english) => [zh, " ", en("· " + english)];
const encPath = (id) => id.split("/").map(encodeURIComponent).join("/");
const agencyHref = (id) => "#/agencies/" + encodeURIComponent(id);
const taskHref = (id) => "#/tasks/" + encPath(id);
const docHref = (id) => "#/documents/" + encodeURIComponent(id);
const present = (v) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length);

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) {
    const msg = (body && body.message) || res.statusText;
    throw new Error(`${res.status} ${msg}`);
  }
  return body;
}

function say(text) { $("status").textContent = text; }

function show(view) {
  for (const id of ["home-view", "agency-view", "doc-view", "task-view"]) $(id).hidden = id !== view;
  if (view !== null) $("results").hidden = true; // no stale results above another view
  document.body.classList.toggle("in-view", view !== "home-view");
}

function focusHeading(id) {
  const el = $(id);
  if (el) el.focus({ preventScroll: false });
}

/* ---------- search ---------- */

async function search(q) {
  q = q.trim();
  if (!q) return;
  const seq = ++searchSeq;
  if (location.hash && location.hash !== "#/") history.pushState(null, "", "#/"); // a result link opens even if it was open
  show("home-view");
  say("正在查询… · Searching…");
  const list = $("result-list");
  list.replaceChildren();
  let page;
  try {
    page = await api("/agencies?limit=20&q=" + encodeURIComponent(q));
  } catch (err) {
    if (seq === searchSeq) say(`查询失败 · Search failed: ${err.message}`);
    return;
  }
  if (seq !== searchSeq) return;
  const items = page.items || [];
  const fuzzy = items.length > 0 && items.every((a) => a.matched_by === "fuzzy");
  $("results").hidden = false;
  $("results-title").replaceChildren(...(fuzzy
    ? bi(`未找到「${q}」,您是不是要找`, `No exact match for “${q}”. Did you mean`)
    : bi("匹配的单位", "Matching agencies")));
  if (!items.length) {
    say(`未找到「${q}」· No agency matches “${q}”`);
    list.append(h("li", { class: "empty" }, "无匹配单位,请换一个写法 · No match; try another form of the name"));
    focusHeading("results-title");
    return;
  }
  const names = new Map();
  for (const a of items) names.set(a.name || a.agency_id, (names.get(a.name || a.agency_id) || 0) + 1);
  for (const a of items) {
    const name = a.name || a.agency_id;
    const shared = names.get(name) > 1;
    const where = [a.jurisdiction, a.function_zh].filter(Boolean).join(" · ");
    const docs = h("span", { class: "result-docs" });
    list.append(h("li", {},
      h("a", { href: agencyHref(a.agency_id), class: "result", "data-agency-id": a.agency_id },
        h("span", { class: "result-name" }, name,
          shared && a.jurisdiction ? h("span", { class: "result-where" }, `(${a.jurisdiction})`) : null),
        a.name_en ? h("span", { class: "result-en", lang: "en" }, a.name_en) : null,
        h("span", { class: "result-meta" }, where, where ? " · " : "",
          `牵头 ${a.lead_count || 0} · 配合 ${a.co_count || 0}`, en(` (lead ${a.lead_count || 0}, co ${a.co_count || 0})`)),
        shared ? docs : null)));
    if (shared) fillDocs(a.agency_id, docs); // same name: the documents tell them apart
  }
  say(fuzzy
    ? `未找到完全匹配,${items.length} 个相近单位 · ${items.length} close names (did you mean)`
    : `找到 ${items.length} 个单位 · ${items.length} agencies found`);
  focusHeading("results-title");
}

async function fillDocs(agencyId, el) {
  try {
    const p = await api("/agencies/" + encodeURIComponent(agencyId));
    const titles = (p.documents || []).map((d) => d.title || d.doc_id);
    if (titles.length) el.textContent = "文件 · Plan: " + titles.join(";");
  } catch (_) { /* the result stays without its documents */ }
}

/* ---------- agency view: my tasks first ---------- */

function targetText(g) {
  const value = g.value ?? [g.low, g.high].filter(present).join("–");
  return [g.metric, g.comparator, value, g.unit, g.year ? `(${g.year})` : ""].filter(present).join(" ");
}

function unitLink(u) {
  return h("a", { href: agencyHref(u.agency_id) }, u.name || u.agency_id);
}

function joinUnits(units) {
  const out = [];
  units.forEach((u, i) => { if (i) out.push("、"); out.push(unitLink(u)); });
  return out;
}

/** A task card: only the facts the task has (no "not stated" rows); the quote once /tasks/{id} answered. */
function taskCard(t, detail, role) {
  const d = detail || {};
  const deadline = d.deadline ?? t.deadline;
  const targets = d.targets || t.targets || [];
  const quote = d.quote || t.quote;
  const section = t.section_title || d.section_title || t.section || d.section;
  const facts = [
    present(section) ? [h("dt", {}, "章节 · Section"), h("dd", {}, section)] : null,
    present(deadline) ? [h("dt", {}, "期限 · Deadline"), h("dd", {}, String(deadline))] : null,
    role === "co" && t.lead ? [h("dt", {}, "牵头 · Lead"), h("dd", {}, unitLink(t.lead))] : null,
    (t.co || []).length ? [h("dt", {}, "配合 · Co"), h("dd", {}, joinUnits(t.co))] : null,
    targets.length ? [h("dt", {}, "目标 · Targets"), h("dd", {}, h("ul", { class: "targets" },
      targets.map((g) => h("li", {}, targetText(g)))))] : null,
  ].filter(Boolean);
  return h("li", { class: "task", "data-task-id": t.task_id },
    h("h5", {}, h("a", { href: taskHref(t.task_id) }, [t.number, t.title || t.task_id].filter(Boolean).join(" "))),
    facts.length ? h("dl", { class: "facts" }, facts) : null,
    quote ? h("blockquote", { class: "quote" }, h("span", { class: "visually-hidden" }, "原文 · Source quote: "), quote)
      : detail ? null : h("p", { class: "quote-loading" }, "原文加载中… · Loading source quote…"));
}

/** Tasks grouped by document (in the order of first appearance), each group with its count. */
function renderGroups(rows, listId, role) {
  const box = $(listId);
  box.replaceChildren();
  if (!rows.length) {
    box.append(h("p", { class: "empty" }, "无 · None"));
    return;
  }
  const groups = new Map();
  for (const t of rows) {
    const key = t.doc_id;
    if (!groups.has(key)) groups.set(key, { title: t.doc_title || t.doc_id, rows: [] });
    groups.get(key).rows.push(t);
  }
  let i = 0;
  for (const [docId, g] of groups) {
    const hid = `${listId}-g${i++}`;
    box.append(h("section", { class: "doc-group", "aria-labelledby": hid },
      h("h4", { id: hid }, h("a", { href: docHref(docId), title: "查看该文件的协作网络 · this plan's network" }, g.title),
        " ", h("span", { class: "count" }, `(${g.rows.length})`)),
      h("ol", { class: "task-list" }, g.rows.map((t) => taskCard(t, null, role)))));
  }
}

/** Fetch /tasks/{id} for each row (a few at a time) and re-render its card with quote, deadline, targets. */
async function fillDetails(rows, listId, role) {
  const queue = rows.slice();
  const worker = async () => {
    while (queue.length) {
      const t = queue.shift();
      let detail;
      try { detail = await api("/tasks/" + encPath(t.task_id)); } catch (_) { detail = {}; }
      const old = $(listId).querySelector(`li[data-task-id="${CSS.escape(t.task_id)}"]`);
      if (old) old.replaceWith(taskCard(t, detail, role));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function loadTasks(agencyId, role) {
  const rows = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api(`/agencies/${encodeURIComponent(agencyId)}/tasks?role=${role}&limit=500&offset=${offset}`);
    rows.push(...page.items);
    if (page.items.length < 500) return rows;
  }
}

async function showAgency(agencyId) {
  show("agency-view");
  $("agency-title").textContent = agencyId;
  for (const id of ["agency-meta", "task-summary", "lead-count", "co-count", "net-note"]) $(id).textContent = "";
  for (const id of ["lead-list", "co-list", "network-list", "net-legend"]) $(id).replaceChildren();
  destroyChart("network");
  say("正在加载任务… · Loading tasks…");
  let profile, lead, co;
  try {
    [profile, lead, co] = await Promise.all([
      api("/agencies/" + encodeURIComponent(agencyId)), loadTasks(agencyId, "lead"), loadTasks(agencyId, "co"),
    ]);
  } catch (err) {
    say(`加载失败 · Could not load the agency: ${err.message}`);
    focusHeading("agency-title");
    return;
  }
  lastAgency = agencyId;
  const name = profile.name || agencyId;
  $("agency-title").replaceChildren(name, profile.name_en ? h("span", { class: "title-en", lang: "en" }, profile.name_en) : "");
  $("agency-meta").textContent = [profile.jurisdiction, profile.function_zh].filter(Boolean).join(" · ");
  const docs = new Set([...lead, ...co].map((t) => t.doc_id)).size;
  $("task-summary").replaceChildren(
    h("strong", {}, `牵头 ${lead.length} 项`), " · ", h("strong", {}, `配合 ${co.length} 项`), ` · ${docs} 份文件 `,
    en(`· ${lead.length} lead, ${co.length} co-responsible tasks in ${docs} plans`));
  const base = `/agencies/${encodeURIComponent(agencyId)}/tasks?role=any`;
  $("dl-xlsx").setAttribute("href", `${base}&format=xlsx`);
  $("dl-csv").setAttribute("href", `${base}&format=csv&limit=10000`);
  $("lead-count").textContent = `(${lead.length})`;
  $("co-count").textContent = `(${co.length})`;
  renderGroups(lead, "lead-list", "lead");
  renderGroups(co, "co-list", "co");
  drawAgencyNetwork(agencyId, name, lead, co);
  say(`${name}:牵头 ${lead.length} 项,配合 ${co.length} 项 · ${lead.length} lead tasks, ${co.length} co-responsible tasks`);
  focusHeading("agency-title");
  await Promise.all([fillDetails(lead, "lead-list", "lead"), fillDetails(co, "co-list", "co")]);
}

/* ---------- networks (cytoscape.js, shipped in /static/vendor) ---------- */

const EDGE_KINDS = {
  "i-lead": { zh: "本单位牵头", en: "we lead", color: "#b3261e", style: "solid" },
  "they-lead": { zh: "对方牵头", en: "they lead", color: "#0b5cad", style: "dashed" },
  "lead-co": { zh: "牵头—配合", en: "lead–co", color: "#b3261e", style: "solid" },
  "co-co": { zh: "共同配合", en: "both co-responsible", color: "#5a6470", style: "dotted" },
};

function legend(kinds, extra) {
  return h("ul", { class: "legend", "aria-label": "图例 · Legend" },
    kinds.map((k) => h("li", { class: "key", "data-kind": k },
      h("span", { class: "swatch", style: `border-top: 3px ${EDGE_KINDS[k].style} ${EDGE_KINDS[k].color}` }),
      bi(EDGE_KINDS[k].zh, EDGE_KINDS[k].en))), extra || null);
}

function destroyChart(id) {
  if (charts[id]) { charts[id].destroy(); delete charts[id]; }
  $(id).replaceChildren();
}

const CY_STYLE = [
  { selector: "node", style: {
    "background-color": "#ffffff", "border-width": 2, "border-color": "#1d232b", width: "data(size)", height: "data(size)",
    label: "data(label)", "font-size": 13, "font-family": "Noto Sans CJK SC, Noto Sans SC, sans-serif", color: "#1d232b",
    "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 96,
    "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1,
    "min-zoomed-font-size": 0 } },
  { selector: "node.centre", style: { "background-color": "#0b5cad", "border-color": "#0b5cad", "font-weight": "bold" } },
  { selector: "node:active, node:selected", style: { "overlay-opacity": 0.15 } },
  { selector: "edge", style: { width: "data(width)", "curve-style": "straight", opacity: 0.85 } },
  ...Object.entries(EDGE_KINDS).map(([k, v]) => ({
    selector: `edge.${k}`, style: { "line-color": v.color, "line-style": v.style } })),
  { selector: "edge.peer", style: { "line-color": "#c3cad3", "line-style": "dotted", opacity: 0.6 } },
];

/** A cytoscape chart in `containerId`; clicking (or Enter on the list) a node opens that agency. */
function chart(containerId, elements, layout) {
  destroyChart(containerId);
  if (typeof cytoscape !== "function") {
    $(containerId).append(h("p", { class: "empty" }, "网络图库未加载 · The network library did not load"));
    return null;
  }
  const cy = cytoscape({
    container: $(containerId), elements, style: CY_STYLE, layout: { name: "preset" },
    minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3, boxSelectionEnabled: false, autoungrabify: true,
  });
  cy.layout({ ...layout, fit: false, animate: false }).run();
  cy.fit(cy.elements(), 12); // the fit box includes labels, so none is cut at the edge
  cy.on("tap", "node", (ev) => { location.hash = agencyHref(ev.target.id()); });
  cy.on("mouseover", "node", () => { $(containerId).style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { $(containerId).style.cursor = ""; });
  charts[containerId] = cy;
  $(containerId).setAttribute("role", "img");
  return cy;
}

function shortName(u) { return u.printed || u.name || u.agency_id; }

/** The agency's collaborators from its own tasks: who leads when they share a task, and peer–peer links. */
function collaborators(agencyId, lead, co) {
  const peers = new Map();
  const pairs = new Map();
  const bump = (u, kind) => {
    if (!u || u.agency_id === agencyId) return;
    const p = peers.get(u.agency_id) || { id: u.agency_id, name: shortName(u), full: u.name || u.agency_id,
      iLead: 0, theyLead: 0, bothCo: 0 };
    p[kind] += 1;
    peers.set(u.agency_id, p);
  };
  const pair = (a, b) => {
    if (!a || !b || a === agencyId || b === agencyId || a === b) return;
    const key = a < b ? a + "\u0000" + b : b + "\u0000" + a;
    pairs.set(key, (pairs.get(key) || 0) + 1);
  };
  for (const t of lead) {
    for (const u of t.co || []) bump(u, "iLead");
    (t.co || []).forEach((u, i) => (t.co || []).slice(i + 1).forEach((v) => pair(u.agency_id, v.agency_id)));
  }
  for (const t of co) {
    bump(t.lead, "theyLead");
    for (const u of t.co || []) bump(u, "bothCo");
    const ids = [t.lead, ...(t.co || [])].filter(Boolean).map((u) => u.agency_id);
    ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => pair(a, b)));
  }
  const all = [...peers.values()]
    .map((p) => ({ ...p, weight: p.iLead + p.theyLead + p.bothCo }))
    .sort((a, b) => b.weight - a.weight || a.full.localeCompare(b.full, "zh"));
  return { all, pairs };
}

function drawAgencyNetwork(agencyId, name, lead, co) {
  const { all, pairs } = collaborators(agencyId, lead, co);
  const shown = all.slice(0, AGENCY_NET_MAX);
  const note = $("net-note");
  if (!all.length) {
    note.textContent = "暂无协作单位 · No collaborators";
    return;
  }
  note.replaceChildren(...(shown.length === all.length
    ? bi(`全部 ${all.length} 个协作单位`, `all ${all.length} collaborators shown`)
    : bi(`显示共同任务最多的前 ${shown.length} 个,共 ${all.length} 个(其余 ${all.length - shown.length} 个见列表)`,
      `top ${shown.length} of ${all.length} collaborators; ${all.length - shown.length} more in the list`)));
  note.dataset.shown = String(shown.length);
  note.dataset.total = String(all.length);
  const maxW = Math.max(...shown.map((p) => p.weight));
  const ids = new Set(shown.map((p) => p.id));
  const elements = [{ data: { id: agencyId, label: name, size: 28, weight: maxW + 1 }, classes: "centre" }];
  for (const p of shown) {
    const kind = p.iLead >= p.theyLead && p.iLead >= p.bothCo ? "i-lead" : p.theyLead >= p.bothCo ? "they-lead" : "co-co";
    elements.push({ data: { id: p.id, label: p.name, size: 14 + 10 * (p.weight / maxW), weight: p.weight } });
    elements.push({ data: { id: "e:" + p.id, source: agencyId, target: p.id, width: 1.5 + 4 * (p.weight / maxW) },
      classes: kind });
  }
  for (const [key, n] of pairs) {
    const [a, b] = key.split("\u0000");
    if (ids.has(a) && ids.has(b)) elements.push({ data: { id: "p:" + key, source: a, target: b, width: Math.min(1 + n / 2, 3) }, classes: "peer" });
  }
  chart("network", elements, {
    name: "concentric", concentric: (n) => n.data("weight"), levelWidth: () => Math.max(1, maxW / 3),
    minNodeSpacing: 18, spacingFactor: 1.05, startAngle: -Math.PI / 2,
  });
  $("network").setAttribute("aria-label", `${name} 与 ${all.length} 个单位协作 · collaborates with ${all.length} agencies`);
  $("net-legend").replaceChildren(legend(["i-lead", "they-lead", "co-co"],
    h("li", { class: "key" }, h("span", { class: "swatch", style: "border-top: 3px dotted #c3cad3" }),
      bi("协作单位之间", "between collaborators"))));
  $("network-list").replaceChildren(...all.map((p) => h("li", {}, h("a", { href: agencyHref(p.id) }, p.full), " ",
    h("span", { class: "meta" }, `共同任务 ${p.weight}(本单位牵头 ${p.iLead} · 对方牵头 ${p.theyLead} · 共同配合 ${p.bothCo})`,
      en(` shared ${p.weight}: we lead ${p.iLead}, they lead ${p.theyLead}, both co ${p.bothCo}`)))));
}

/* ---------- one document's co-responsibility network (analyst view) ---------- */

async function showDocument(docId) {
  show("doc-view");
  $("doc-title").textContent = docId;
  for (const id of ["doc-meta", "doc-note"]) $(id).textContent = "";
  for (const id of ["doc-legend", "doc-node-list"]) $(id).replaceChildren();
  destroyChart("doc-network");
  say("正在加载网络… · Loading the network…");
  let net, docs;
  try {
    [net, docs] = await Promise.all([
      api("/network/agencies?doc_id=" + encodeURIComponent(docId)),
      api("/documents?limit=10000").catch(() => ({ items: [] })),
    ]);
  } catch (err) {
    say(`加载失败 · Could not load the network: ${err.message}`);
    focusHeading("doc-title");
    return;
  }
  const doc = (docs.items || []).find((d) => d.doc_id === docId) || {};
  $("doc-title").replaceChildren(doc.title || docId, h("span", { class: "title-en", lang: "en" }, "Co-responsibility network"));
  $("doc-meta").textContent = [doc.jurisdiction, doc.issuer, doc.task_count ? `${doc.task_count} 项任务 · tasks` : ""]
    .filter(Boolean).join(" · ");
  const strength = new Map();
  for (const e of net.edges) for (const end of [e.source, e.target]) strength.set(end, (strength.get(end) || 0) + e.weight);
  const nodes = net.nodes.filter((n) => strength.has(n.id) || n.lead_count || n.co_count)
    .sort((a, b) => (strength.get(b.id) || 0) - (strength.get(a.id) || 0) || a.id.localeCompare(b.id, "zh"));
  const shown = nodes.slice(0, DOC_NET_MAX);
  const ids = new Set(shown.map((n) => n.id));
  const note = $("doc-note");
  note.replaceChildren(...(shown.length === nodes.length
    ? bi(`全部 ${nodes.length} 个单位,${net.edges.length} 条共同责任关系`, `all ${nodes.length} agencies, ${net.edges.length} shared-task links`)
    : bi(`显示关系最多的前 ${shown.length} 个单位,共 ${nodes.length} 个`, `top ${shown.length} of ${nodes.length} agencies`)));
  note.dataset.shown = String(shown.length);
  note.dataset.total = String(nodes.length);
  if (!nodes.length) {
    say("该文件没有共同责任关系 · No shared responsibilities in this plan");
    focusHeading("doc-title");
    return;
  }
  const maxS = Math.max(1, ...shown.map((n) => strength.get(n.id) || 0));
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const elements = shown.map((n) => ({ data: { id: n.id, label: n.name || n.id,
    size: 12 + 22 * ((strength.get(n.id) || 0) / maxS) }, classes: n.lead_count ? "lead-node" : "" }));
  for (const e of net.edges) {
    if (ids.has(e.source) && ids.has(e.target)) {
      elements.push({ data: { id: `${e.source}\u0000${e.target}`, source: e.source, target: e.target,
        width: 1 + 4 * (e.weight / maxW) }, classes: e.kind });
    }
  }
  chart("doc-network", elements, { name: "cose", randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 90,
    nodeOverlap: 20, gravity: 0.4, numIter: 1500, padding: 20 });
  $("doc-network").setAttribute("aria-label", note.textContent);
  $("doc-legend").replaceChildren(legend(["lead-co", "co-co"]));
  $("doc-node-list").replaceChildren(...nodes.map((n) => h("li", {}, h("a", { href: agencyHref(n.id) }, n.name || n.id), " ",
    h("span", { class: "meta" }, `牵头 ${n.lead_count || 0} · 配合 ${n.co_count || 0} · 共同任务 ${strength.get(n.id) || 0}`,
      en(` lead ${n.lead_count || 0}, co ${n.co_count || 0}, shared ${strength.get(n.id) || 0}`)))));
  say(`网络:${nodes.length} 个单位 · Network of ${nodes.length} agencies`);
  focusHeading("doc-title");
}

/* ---------- home: plans and upload ---------- */

async function showHome() {
  show("home-view");
  const list = $("doc-list");
  try {
    const page = await api("/documents?limit=200");
    list.replaceChildren(...(page.items || []).map((d) => h("li", {},
      h("a", { href: docHref(d.doc_id) }, d.title || d.doc_id),
      h("span", { class: "meta" }, [d.jurisdiction, `${d.task_count || 0} 项任务`].filter(Boolean).join(" · "),
        en(` · ${d.task_count || 0} tasks`)))));
    if (!(page.items || []).length) list.replaceChildren(h("li", { class: "empty" }, "尚无规划 · No plans yet"));
  } catch (err) {
    list.replaceChildren(h("li", { class: "empty" }, `无法加载文件列表 · Could not list the plans: ${err.message}`));
  }
}

function uploadState(text, value) {
  $("upload-progress").hidden = false;
  $("upload-state").textContent = text;
  const bar = $("upload-bar");
  if (value === null) bar.removeAttribute("value"); else bar.value = value;
}

function upload(ev) {
  ev.preventDefault();
  const file = $("upload-file").files[0];
  const key = $("upload-key").value;
  if (!file || !key) return;
  const out = $("upload-result");
  out.replaceChildren();
  $("upload-submit").disabled = true;
  const form = new FormData();
  form.append("file", file, file.name);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/documents");
  xhr.setRequestHeader("X-API-Key", key);
  xhr.setRequestHeader("Accept", "application/json");
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) uploadState(`上传中 ${Math.round((100 * e.loaded) / e.total)}% · Uploading`, (100 * e.loaded) / e.total);
  };
  xhr.upload.onload = () => uploadState("抽取中… · Extracting tasks and units…", null);
  xhr.onerror = () => finishUpload(null, "网络错误 · Network error");
  xhr.onload = () => {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON */ }
    if (xhr.status >= 200 && xhr.status < 300 && body) finishUpload(body, null);
    else finishUpload(null, `${xhr.status} ${(body && body.message) || xhr.statusText}`);
  };
  uploadState("上传中 0% · Uploading", 0);
  xhr.send(form);
}

function finishUpload(r, error) {
  $("upload-submit").disabled = false;
  const out = $("upload-result");
  if (error) {
    $("upload-progress").hidden = true;
    out.replaceChildren(h("p", { class: "error", role: "alert" }, `上传失败 · Upload failed: ${error}`));
    return;
  }
  uploadState("完成 · Done", 100);
  const status = { created: "已添加 · added", replaced: "已替换旧版本 · replaced", upgraded: "已更新 · upgraded",
    unchanged: "已在图谱中,未改动 · already in the graph" }[r.status] || r.status;
  out.replaceChildren(h("div", { class: "summary-box", id: "upload-summary" },
    h("h3", {}, bi("抽取结果", "Extraction summary")),
    h("p", {}, h("a", { href: docHref(r.doc_id) }, r.title || r.file), ` — ${status}`),
    h("dl", { class: "facts" },
      h("dt", {}, "任务 · Tasks"), h("dd", {}, String(r.tasks)),
      r.tasks_without_responsible ? [h("dt", {}, "无责任单位 · Without unit"), h("dd", {}, String(r.tasks_without_responsible))] : null,
      r.targets ? [h("dt", {}, "量化目标 · Targets"), h("dd", {}, String(r.targets))] : null,
      (r.milestone_years || []).length ? [h("dt", {}, "节点年份 · Years"), h("dd", {}, r.milestone_years.join("、"))] : null,
      (r.lead_units || []).length ? [h("dt", {}, "牵头单位 · Lead units"), h("dd", {}, r.lead_units.join("、"))] : null,
      (r.co_units || []).length ? [h("dt", {}, "配合单位 · Co units"), h("dd", {}, r.co_units.join("、"))] : null),
    (r.warnings || []).length ? h("div", { class: "warnings" }, h("h4", {}, bi("提示", "Warnings")),
      h("ul", {}, r.warnings.map((w) => h("li", {}, w)))) : null));
  showHome();
}

/* ---------- task view ---------- */

function section(titleZh, titleEn, ...body) {
  return h("section", { class: "block" }, h("h3", {}, bi(titleZh, titleEn)), ...body);
}

function linkList(links) {
  return h("ul", { class: "links" }, links.map((l) => h("li", {},
    h("a", { href: taskHref(l.task_id) }, [l.number, l.title || l.task_id].filter(Boolean).join(" ")),
    l.doc_title ? h("span", { class: "meta" }, " — " + l.doc_title) : null,
    typeof l.score === "number" ? h("span", { class: "meta" }, ` (相似度 · score ${l.score.toFixed(2)})`) : null)));
}

async function showTask(taskId) {
  show("task-view");
  $("task-back").setAttribute("href", lastAgency ? agencyHref(lastAgency) : "#/");
  $("task-title").textContent = taskId;
  const body = $("task-body");
  body.replaceChildren();
  say("正在加载任务… · Loading task…");
  let t;
  try {
    t = await api("/tasks/" + encPath(taskId));
  } catch (err) {
    say(`加载失败 · Could not load the task: ${err.message}`);
    focusHeading("task-title");
    return;
  }
  $("task-title").textContent = [t.number, t.title || t.task_id].filter(Boolean).join(" ");
  const units = t.co || [];
  const blocks = [
    h("dl", { class: "facts" },
      h("dt", {}, "文件 · Document"), h("dd", {}, h("a", { href: docHref(t.doc_id) }, t.doc_title || t.doc_id)),
      t.jurisdiction ? [h("dt", {}, "辖区 · Jurisdiction"), h("dd", {}, t.jurisdiction)] : null,
      t.section_title || t.section ? [h("dt", {}, "章节 · Section"), h("dd", {}, t.section_title || t.section)] : null,
      present(t.deadline) ? [h("dt", {}, "期限 · Deadline"), h("dd", {}, String(t.deadline))] : null,
      t.lead ? [h("dt", {}, "牵头单位 · Lead"), h("dd", {}, unitLink(t.lead))] : null,
      units.length ? [h("dt", {}, "配合单位 · Co-responsible"), h("dd", {}, joinUnits(units))] : null),
    section("原文出处", "Source quote",
      h("blockquote", { class: "quote source-quote" }, t.quote || t.text || ""),
      present(t.start) ? h("p", { class: "meta" }, `原文第 ${t.start}–${t.end} 字 · characters ${t.start}–${t.end} of the source`) : null,
      t.responsibility_quote ? h("p", {}, bi("责任分工原文", "Responsibility quote"), ":",
        h("q", { class: "resp-quote" }, t.responsibility_quote)) : null),
    t.text && t.text !== t.quote ? section("任务文本", "Text", h("p", {}, t.text)) : null,
    (t.targets || []).length ? section("目标", "Targets", h("ul", { class: "targets" }, t.targets.map((g) =>
      h("li", {}, targetText(g), g.quote ? h("q", { class: "meta" }, g.quote) : null)))) : null,
    (t.topics || []).length ? section("主题", "Topics", h("ul", { class: "tags" }, t.topics.map((p) =>
      h("li", {}, p.name || p.key, p.name_en ? en(" · " + p.name_en) : null)))) : null,
    (t.implements || []).length ? section("落实的上级条款", "Implements higher-level clauses", linkList(t.implements)) : null,
    (t.implemented_by || []).length ? section("下级落实任务", "Implemented by", linkList(t.implemented_by)) : null,
  ];
  body.append(...blocks.filter(Boolean));
  say(`任务:${$("task-title").textContent} · Task loaded`);
  focusHeading("task-title");
}

/* ---------- routing ---------- */

function route() {
  const hash = location.hash || "#/";
  if (hash.startsWith("#/agencies/")) {
    showAgency(decodeURIComponent(hash.slice("#/agencies/".length)));
  } else if (hash.startsWith("#/tasks/")) {
    showTask(hash.slice("#/tasks/".length).split("/").map(decodeURIComponent).join("/"));
  } else if (hash.startsWith("#/documents/")) {
    showDocument(decodeURIComponent(hash.slice("#/documents/".length)));
  } else if (hash.startsWith("#doc=")) {
    showDocument(decodeURIComponent(hash.slice("#doc=".length)));
  } else {
    showHome();
    $("q").focus();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    search($("q").value);
  });
  $("upload-form").addEventListener("submit", upload);
  $("jump-net").addEventListener("click", (ev) => {
    ev.preventDefault();
    $("net-title").scrollIntoView();
    focusHeading("net-title");
  });
  window.addEventListener("hashchange", route);
  route();
});
