/* plangraph page: agency search, an agency's tasks (lead / co), a task view and a collaborator network.
   Plain DOM, no framework. Routes: #/ (search), #/agencies/{id}, #/tasks/{id}. */
"use strict";

const $ = (id) => document.getElementById(id);
const SVG_NS = "http://www.w3.org/2000/svg";
const ROLE = { lead: "牵头 · lead", co: "配合 · co" };
let lastAgency = null; // the agency whose list the task view returns to

/** h("a", {href: "#"}, "text", child…): a DOM element; strings become text nodes (never HTML). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === "") continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

const bi = (zh, en) => [zh, " ", h("span", { lang: "en" }, "· " + en)];
const encPath = (id) => id.split("/").map(encodeURIComponent).join("/");
const agencyHref = (id) => "#/agencies/" + encodeURIComponent(id);
const taskHref = (id) => "#/tasks/" + encPath(id);

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
  for (const id of ["agency-view", "task-view"]) $(id).hidden = id !== view;
}

function focusHeading(id) {
  const el = $(id);
  if (el) el.focus({ preventScroll: false });
}

/* ---------- search ---------- */

async function search(q) {
  q = q.trim();
  if (!q) return;
  say("正在查询… · Searching…");
  let page;
  try {
    page = await api("/agencies?limit=20&q=" + encodeURIComponent(q));
  } catch (err) {
    say(`查询失败 · Search failed: ${err.message}`);
    return;
  }
  const list = $("result-list");
  list.replaceChildren();
  const items = page.items || [];
  $("results").hidden = false;
  if (!items.length) {
    say(`未找到「${q}」· No agency matches “${q}”`);
    list.append(h("li", { class: "empty" }, "无匹配单位 · No match"));
    focusHeading("results-title");
    return;
  }
  for (const a of items) {
    const where = [a.jurisdiction, a.function_zh || a.function].filter(Boolean).join(" · ");
    list.append(h("li", {},
      h("a", { href: agencyHref(a.agency_id), class: "result", "data-agency-id": a.agency_id },
        h("span", { class: "result-name" }, a.name || a.agency_id),
        a.name_en ? h("span", { class: "result-en", lang: "en" }, a.name_en) : null,
        h("span", { class: "result-meta" },
          where, where ? " · " : "", `牵头 ${a.lead_count || 0} · 配合 ${a.co_count || 0}`,
          h("span", { lang: "en" }, ` (lead ${a.lead_count || 0}, co ${a.co_count || 0})`)))));
  }
  say(`找到 ${items.length} 个单位 · ${items.length} agencies found`);
  focusHeading("results-title");
}

/* ---------- agency view ---------- */

function taskCard(t, detail) {
  const d = detail || {};
  const deadline = d.deadline ?? t.deadline;
  const targets = d.targets || t.targets || [];
  const quote = d.quote || t.quote;
  const section = t.section_title || d.section_title || t.section || d.section;
  return h("li", { class: "task", "data-task-id": t.task_id },
    h("h4", {}, h("a", { href: taskHref(t.task_id) }, [t.number, t.title || t.task_id].filter(Boolean).join(" "))),
    h("dl", { class: "facts" },
      h("dt", {}, "文件 · Document"), h("dd", {}, t.doc_title || t.doc_id),
      section ? [h("dt", {}, "章节 · Section"), h("dd", {}, section)] : null,
      h("dt", {}, "期限 · Deadline"), h("dd", {}, deadline ? String(deadline) : "未注明 · not stated"),
      t.lead ? [h("dt", {}, "牵头 · Lead"), h("dd", {}, unitLink(t.lead))] : null,
      (t.co || []).length ? [h("dt", {}, "配合 · Co"), h("dd", {}, joinUnits(t.co))] : null,
      targets.length ? [h("dt", {}, "目标 · Targets"), h("dd", {}, h("ul", { class: "targets" },
        targets.map((g) => h("li", {}, targetText(g)))))] : null),
    quote ? h("blockquote", { class: "quote" }, h("span", { class: "visually-hidden" }, "原文 · Source quote: "), quote)
      : h("p", { class: "quote-loading" }, "原文加载中… · Loading source quote…"));
}

function targetText(g) {
  const value = g.value ?? [g.low, g.high].filter((v) => v !== null && v !== undefined).join("–");
  return [g.metric, g.comparator, value, g.unit, g.year ? `(${g.year})` : ""].filter((v) => v !== null && v !== undefined && v !== "").join(" ");
}

function unitLink(u) {
  return h("a", { href: agencyHref(u.agency_id) }, u.name || u.agency_id);
}

function joinUnits(units) {
  const out = [];
  units.forEach((u, i) => { if (i) out.push("、"); out.push(unitLink(u)); });
  return out;
}

/** Fetch /tasks/{id} for each row (a few at a time) and re-render its card with quote, deadline, targets. */
async function fillDetails(rows, listId) {
  const queue = rows.slice();
  const worker = async () => {
    while (queue.length) {
      const t = queue.shift();
      let detail;
      try { detail = await api("/tasks/" + encPath(t.task_id)); } catch (_) { continue; }
      const old = $(listId).querySelector(`li[data-task-id="${CSS.escape(t.task_id)}"]`);
      if (old) old.replaceWith(taskCard(t, detail));
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
  $("agency-meta").textContent = "";
  for (const id of ["lead-list", "co-list", "network-list"]) $(id).replaceChildren();
  $("network").replaceChildren();
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
  $("agency-title").replaceChildren(profile.name || agencyId,
    profile.name_en ? h("span", { class: "title-en", lang: "en" }, " · " + profile.name_en) : "");
  $("agency-meta").textContent = [profile.jurisdiction, profile.function_zh || profile.function]
    .filter(Boolean).join(" · ");
  $("lead-count").textContent = `(${lead.length})`;
  $("co-count").textContent = `(${co.length})`;
  for (const [rows, listId] of [[lead, "lead-list"], [co, "co-list"]]) {
    const list = $(listId);
    if (!rows.length) list.append(h("li", { class: "empty" }, "无 · None"));
    for (const t of rows) list.append(taskCard(t));
  }
  drawNetwork(agencyId, profile.name || agencyId, lead, co);
  say(`${profile.name || agencyId}:牵头 ${lead.length} 项,配合 ${co.length} 项 · ${lead.length} lead tasks, ${co.length} co-responsible tasks`);
  focusHeading("agency-title");
  await Promise.all([fillDetails(lead, "lead-list"), fillDetails(co, "co-list")]);
}

/* ---------- collaborator network (computed from the agency's own tasks) ---------- */

function collaborators(agencyId, lead, co) {
  const peers = new Map();
  const bump = (u, kind) => {
    if (!u || u.agency_id === agencyId) return;
    const p = peers.get(u.agency_id) || { id: u.agency_id, name: u.printed || u.name || u.agency_id,
      full: u.name || u.agency_id, iLead: 0, theyLead: 0, bothCo: 0 };
    p[kind] += 1;
    peers.set(u.agency_id, p);
  };
  for (const t of lead) for (const u of t.co || []) bump(u, "iLead");
  for (const t of co) {
    bump(t.lead, "theyLead");
    for (const u of t.co || []) bump(u, "bothCo");
  }
  return [...peers.values()]
    .map((p) => ({ ...p, weight: p.iLead + p.theyLead + p.bothCo }))
    .sort((a, b) => b.weight - a.weight || a.full.localeCompare(b.full, "zh"));
}

function drawNetwork(agencyId, name, lead, co) {
  const all = collaborators(agencyId, lead, co);
  const peers = all.slice(0, 14);
  const box = $("network");
  const list = $("network-list");
  if (!all.length) {
    box.append(h("p", { class: "empty" }, "暂无协作单位 · No collaborators"));
    return;
  }
  const size = 360, c = size / 2, r = 130;
  const root = svg("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-labelledby": "net-svg-title",
    class: "net-svg" });
  root.append(svg("title", { id: "net-svg-title" },
    `${name} 与 ${all.length} 个单位协作 · collaborates with ${all.length} agencies`));
  const maxW = Math.max(...peers.map((p) => p.weight));
  peers.forEach((p, i) => {
    const a = (2 * Math.PI * i) / peers.length - Math.PI / 2;
    p.x = c + r * Math.cos(a);
    p.y = c + r * Math.sin(a);
    const kind = p.iLead >= p.theyLead && p.iLead >= p.bothCo ? "i-lead" : p.theyLead >= p.bothCo ? "they-lead" : "both-co";
    root.append(svg("line", { x1: c, y1: c, x2: p.x, y2: p.y, class: "edge " + kind,
      "stroke-width": (1.5 + 4 * (p.weight / maxW)).toFixed(1) }));
  });
  for (const p of peers) {
    const g = svg("g", { class: "node" });
    g.append(svg("circle", { cx: p.x, cy: p.y, r: 6 }));
    const anchor = p.x < c - 10 ? "end" : p.x > c + 10 ? "start" : "middle";
    const dx = anchor === "end" ? -9 : anchor === "start" ? 9 : 0;
    const dy = anchor === "middle" ? (p.y < c ? -10 : 18) : 4;
    g.append(svg("text", { x: p.x + dx, y: p.y + dy, "text-anchor": anchor }, p.name));
    root.append(g);
  }
  const centre = svg("g", { class: "node centre" });
  centre.append(svg("circle", { cx: c, cy: c, r: 10 }));
  centre.append(svg("text", { x: c, y: c + 26, "text-anchor": "middle" }, "本单位"));
  root.append(centre);
  box.append(root);
  box.append(h("p", { class: "legend" },
    h("span", { class: "key i-lead" }, "本单位牵头 · we lead"),
    h("span", { class: "key they-lead" }, "对方牵头 · they lead"),
    h("span", { class: "key both-co" }, "共同配合 · both co")));
  for (const p of all) {
    list.append(h("li", {}, h("a", { href: agencyHref(p.id) }, p.full), " ",
      h("span", { class: "meta" }, `共同任务 ${p.weight}(本单位牵头 ${p.iLead} · 对方牵头 ${p.theyLead} · 共同配合 ${p.bothCo})`,
        h("span", { lang: "en" }, ` shared ${p.weight}: we lead ${p.iLead}, they lead ${p.theyLead}, both co ${p.bothCo}`))));
  }
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
  const units = (t.co || []);
  const blocks = [
    h("dl", { class: "facts" },
      h("dt", {}, "文件 · Document"), h("dd", {}, t.doc_title || t.doc_id),
      t.jurisdiction ? [h("dt", {}, "辖区 · Jurisdiction"), h("dd", {}, t.jurisdiction)] : null,
      t.section_title || t.section ? [h("dt", {}, "章节 · Section"), h("dd", {}, t.section_title || t.section)] : null,
      h("dt", {}, "期限 · Deadline"), h("dd", {}, t.deadline ? String(t.deadline) : "未注明 · not stated"),
      h("dt", {}, "牵头单位 · Lead"), h("dd", {}, t.lead ? unitLink(t.lead) : "未注明 · none"),
      h("dt", {}, "配合单位 · Co-responsible"), h("dd", {}, units.length ? joinUnits(units) : "无 · none")),
    section("原文出处", "Source quote",
      h("blockquote", { class: "quote source-quote" }, t.quote || t.text || ""),
      t.start !== null && t.start !== undefined
        ? h("p", { class: "meta" }, `原文第 ${t.start}–${t.end} 字 · characters ${t.start}–${t.end} of the source`) : null,
      t.responsibility_quote ? h("p", {}, bi("责任分工原文", "Responsibility quote"), ":",
        h("q", { class: "resp-quote" }, t.responsibility_quote)) : null),
    t.text && t.text !== t.quote ? section("任务文本", "Text", h("p", {}, t.text)) : null,
    section("目标", "Targets", (t.targets || []).length
      ? h("ul", { class: "targets" }, t.targets.map((g) => h("li", {}, targetText(g),
        g.quote ? h("q", { class: "meta" }, g.quote) : null)))
      : h("p", { class: "meta" }, "无量化目标 · No quantified targets")),
    section("主题", "Topics", (t.topics || []).length
      ? h("ul", { class: "tags" }, t.topics.map((p) => h("li", {}, p.name || p.key,
        p.name_en ? h("span", { lang: "en" }, " · " + p.name_en) : null)))
      : h("p", { class: "meta" }, "无 · None")),
    section("落实的上级条款", "Implements higher-level clauses", (t.implements || []).length
      ? linkList(t.implements) : h("p", { class: "meta" }, "无 · None")),
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
  } else {
    show(null);
    $("q").focus();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    search($("q").value);
  });
  window.addEventListener("hashchange", route);
  route();
});
