// Tenant Fleet live dashboard. Loads a snapshot from the REST API once (and again after a reconnect), then follows
// the release and tenant events that tenant-service relays as server-sent events: no polling loop.
"use strict";

const state = { tenants: new Map(), release: null, failures: new Map() };
// Drawing: a tile per tenant, kept by slug. Only tiles whose tenant changed are redrawn; the whole grid is rebuilt
// only when tenants appear or a snapshot or another release is loaded, so a release over thousands stays smooth.
const tiles = new Map();
const dirty = new Set();
let rebuild = true;
const $ = (id) => document.getElementById(id);

async function getJson(path) {
  const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (response.status === 401) { window.location.assign("/dashboard/login"); throw new Error("session expired"); }
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

async function loadSnapshot() {
  state.tenants.clear();
  for (let page = 0; ; page++) {
    const body = await getJson("/api/tenants?size=500&page=" + page);
    body.items.forEach((t) => state.tenants.set(t.slug, { slug: t.slug, status: t.status, head: t.schemaHead }));
    rebuild = true;
    if ((page + 1) * body.size >= body.total) break;
  }
  const recent = await getJson("/api/releases?limit=1");
  state.release = null;
  state.failures.clear();
  if (recent.length > 0) await loadRelease(recent[0].id);
  render();
}

async function loadRelease(id) {
  const view = await getJson("/api/releases/" + id);
  state.release = { id: view.id, targetTag: view.targetTag, status: view.status, cohort: view.cohort,
    cohorts: view.cohorts, counts: view.counts, tenants: new Map() };
  state.failures.clear();
  view.tenants.forEach((t) => applyReleaseTenant(t));
  rebuild = true; // tenants of the previous release lose their release state
}

// One tenant of the release: from the snapshot's release view or from a tenant-updated event (same field names).
function applyReleaseTenant(t) {
  state.release.tenants.set(t.slug, { cohort: t.cohort, state: t.state });
  dirty.add(t.slug);
  const tenant = state.tenants.get(t.slug);
  if (tenant && t.headAfter) tenant.head = t.headAfter;
  if (t.error && (t.state === "FAILED" || t.state === "ROLLBACK_FAILED")) state.failures.set(t.slug, t.error);
  else state.failures.delete(t.slug);
}

const handlers = {
  "tenantfleet.release.tenant-updated.v1": async (d) => {
    if (!state.release || state.release.id !== d.releaseId) return loadRelease(d.releaseId);
    applyReleaseTenant(d);
  },
  "tenantfleet.release.progressed.v1": async (d) => {
    if (!state.release || state.release.id !== d.releaseId) return loadRelease(d.releaseId);
    Object.assign(state.release, { status: d.status, cohort: d.cohort, cohorts: d.cohorts, counts: d.counts });
  },
  "tenantfleet.release.completed.v1": async (d) => {
    if (!state.release || state.release.id !== d.releaseId) return loadRelease(d.releaseId);
    Object.assign(state.release, { status: d.status, counts: d.counts });
  },
  "tenantfleet.tenant.status-changed.v1": (d) => upsertTenant(d.slug, { status: d.to }),
  "tenantfleet.tenant.schema-changed.v1": (d) => upsertTenant(d.slug, { head: d.toHead }),
  "tenantfleet.tenant.provisioned.v1": (d) => upsertTenant(d.slug, { status: "ACTIVE", head: d.schemaHead }),
  "tenantfleet.tenant.adopted.v1": (d) => upsertTenant(d.slug, { status: d.status, head: d.schemaHead }),
  "tenantfleet.tenant.deactivated.v1": (d) => upsertTenant(d.slug, { status: "DEACTIVATED" }),
  "tenantfleet.tenant.provisioning-failed.v1": (d) => upsertTenant(d.slug, { status: "PROVISIONING_FAILED" }),
};

function upsertTenant(slug, changes) {
  let tenant = state.tenants.get(slug);
  if (!tenant) {
    tenant = { slug, status: "PROVISIONING", head: null };
    state.tenants.set(slug, tenant);
    rebuild = true; // a new tile, in slug order
  }
  Object.assign(tenant, changes);
  dirty.add(slug);
}

// A colour per schema head, stable across reloads, so "who is on which head" reads at a glance.
function headColour(head) {
  if (!head) return "#9e9e9e";
  let hash = 0;
  for (const ch of head) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return "hsl(" + Math.round((hash * 137.508) % 360) + " 70% 42%)"; // golden angle: v1.2 and v1.3 look different
}

// Many events can arrive in one frame during a big release: draw at most once per frame.
let renderPending = false;
function render() {
  if (renderPending) return;
  renderPending = true;
  requestAnimationFrame(() => { renderPending = false; draw(); });
}

function draw() {
  renderRelease();
  renderFailures();
  renderFleet();
}

function renderRelease() {
  const r = state.release;
  const list = $("cohorts");
  list.replaceChildren();
  if (!r) { $("release-summary").textContent = "No release yet."; return; }
  const c = r.counts;
  $("release-summary").textContent = "Release " + r.id.slice(0, 8) + " to " + r.targetTag + ": " + r.status
    + " (" + c.migrated + "/" + c.total + " migrated, " + c.failed + " failed"
    + (c.rolledBack ? ", " + c.rolledBack + " rolled back" : "") + (c.ahead ? ", " + c.ahead + " ahead of the target" : "")
    + "), cohort " + (r.cohort + 1) + " of " + r.cohorts;
  $("release").dataset.status = r.status;
  const cohorts = [];
  for (const t of r.tenants.values()) {
    const k = cohorts[t.cohort] || (cohorts[t.cohort] = { total: 0, done: 0, rolledback: 0, failed: 0, running: 0 });
    k.total++;
    // rolled back is its own colour: a rolled-back cohort is undone, and a green bar would read as success
    if (t.state === "MIGRATED" || t.state === "SKIPPED" || t.state === "AHEAD") k.done++;
    else if (t.state === "ROLLED_BACK") k.rolledback++;
    else if (t.state === "FAILED" || t.state === "ROLLBACK_FAILED") k.failed++;
    else if (t.state === "MIGRATING" || t.state === "ROLLING_BACK") k.running++;
  }
  cohorts.forEach((k, i) => {
    if (!k) return;
    const item = document.createElement("li");
    item.className = "cohort";
    item.dataset.cohort = i;
    item.dataset.done = k.done;
    item.dataset.rolledBack = k.rolledback;
    item.dataset.total = k.total;
    const bar = document.createElement("div");
    bar.className = "bar";
    for (const part of ["done", "rolledback", "failed", "running"]) {
      const span = document.createElement("span");
      span.className = part;
      span.style.width = (100 * k[part] / k.total) + "%";
      bar.append(span);
    }
    item.append(text("span", "cohort " + (i + 1)), bar, text("span", k.done + "/" + k.total
      + (k.rolledback ? ", " + k.rolledback + " rolled back" : "") + (k.failed ? ", " + k.failed + " failed" : "")));
    list.append(item);
  });
}

function renderFailures() {
  const list = $("failures");
  list.replaceChildren();
  for (const [slug, error] of state.failures) {
    const item = document.createElement("li");
    item.dataset.slug = slug;
    item.dataset.code = error.code;
    item.append(text("strong", slug), " ", text("span", error.code, "code"), " ", text("span", error.message || ""),
      document.createElement("br"), text("span", error.hint || "", "hint"));
    list.append(item);
  }
  $("failure-count").textContent = state.failures.size;
}

function renderFleet() {
  if (rebuild) {
    tiles.clear();
    const sorted = [...state.tenants.values()].sort((a, b) => a.slug.localeCompare(b.slug));
    $("fleet").replaceChildren(...sorted.map((t) => {
      const tile = newTile(t.slug);
      drawTile(tile, t);
      return tile;
    }));
    $("tenant-count").textContent = sorted.length;
  } else {
    for (const slug of dirty) {
      const tile = tiles.get(slug);
      if (tile) drawTile(tile, state.tenants.get(slug));
    }
  }
  rebuild = false;
  dirty.clear();
  renderLegend();
}

function newTile(slug) {
  const tile = document.createElement("div");
  tile.className = "tile";
  tile.setAttribute("role", "listitem");
  tile.dataset.slug = slug;
  tile.append(text("span", slug, "slug"), text("span", ""));
  tiles.set(slug, tile);
  return tile;
}

function drawTile(tile, t) {
  tile.dataset.status = t.status;
  tile.dataset.head = t.head || "";
  const inRelease = state.release && state.release.tenants.get(t.slug);
  if (inRelease) tile.dataset.releaseState = inRelease.state;
  else delete tile.dataset.releaseState;
  tile.style.setProperty("--head", headColour(t.head));
  tile.title = t.slug + ": " + t.status + ", schema " + (t.head || "unknown") + (inRelease ? ", release " + inRelease.state : "");
  tile.lastChild.textContent = (t.head || "?") + " · " + t.status.toLowerCase();
}

function renderLegend() {
  const counts = new Map();
  for (const t of state.tenants.values()) counts.set(t.head, (counts.get(t.head) || 0) + 1);
  $("legend").replaceChildren(...[...counts.keys()].sort().map((h) => {
    const span = text("span", (h || "unknown") + ": " + counts.get(h));
    span.style.setProperty("--c", headColour(h));
    return span;
  }));
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

// Updates are applied one after the other, so a release reload triggered by one event finishes before the next.
let queue = Promise.resolve();
let retryDelay = 1000;
function connect() {
  const source = new EventSource("/api/dashboard/events");
  source.onopen = () => {
    retryDelay = 1000;
    setConnection("live");
  };
  source.onerror = () => {
    setConnection("reconnecting");
    if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
    // The browser gave up (an answer other than 200: a proxy's 502 while tenant-service rolls, or a 401 once the
    // session expired or the token was rotated). Find out which, then reconnect with backoff.
    source.close();
    fetch("/api/releases?limit=1", { credentials: "same-origin" })
      .then((response) => { if (response.status === 401) window.location.assign("/dashboard/login"); })
      .catch(() => { /* tenant-service unreachable: retry below */ })
      .finally(() => {
        setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
  };
  source.onmessage = (message) => {
    const update = JSON.parse(message.data);
    if (update.type === "tenantfleet.dashboard.connected") {
      // Subscribed (first connection or a reconnect): load the snapshot now, so nothing falls between the two.
      queue = queue.then(loadSnapshot).catch(showError);
      return;
    }
    const handler = handlers[update.type];
    if (!handler) return; // heartbeats and event types this page does not show
    queue = queue.then(() => handler(update.data)).then(render).catch(showError);
  };
}

function setConnection(stateName) {
  $("connection").dataset.state = stateName;
  $("connection").textContent = stateName;
}

function showError(error) {
  $("connection").textContent = "error: " + error.message;
}

connect();
