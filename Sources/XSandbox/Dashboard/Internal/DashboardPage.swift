/// The dashboard's page (`GET /_sandbox/dashboard`): plain HTML and JavaScript, no framework,
/// that polls `GET /_sandbox/state` every second and shows the journal, each rate-limit
/// window and daily cap, the bill, and the requests that met an injected fault. Every value
/// goes in as text (`textContent`), never as markup.
enum DashboardPage {
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>x-sandbox dashboard (the sandbox's own page, not X's)</title>
    <link rel="icon" href="data:,">
    <style>
    body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }
    .notice { background: #fff4d6; border: 1px solid #e0c060; padding: .5em 1em; }
    table { border-collapse: collapse; margin: .5em 0 1.5em; }
    th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; font-family: ui-monospace, monospace; font-size: 12px; }
    th { background: #f3f3f3; }
    .error { color: #a00; }
    </style>
    </head>
    <body>
    <h1>x-sandbox dashboard</h1>
    <p class="notice" id="notice">This page is x-sandbox's own, not an X API endpoint: X has no such page.
    It shows what this sandbox holds, live (it polls <code>/_sandbox/state</code> every second).</p>
    <p id="status">Loading…</p>
    <h2>Follows</h2><p id="follows"></p>
    <h2>The bill</h2><table id="bill"></table>
    <h2>Rate-limit windows</h2><table id="windows"></table>
    <h2>Daily caps (24 hours)</h2><table id="caps"></table>
    <h2>Injected faults</h2><table id="faults"></table>
    <h2>Journal (latest requests, newest first)</h2><table id="journal"></table>
    <script>
    "use strict";
    function fill(id, columns, rows, empty) {
      const table = document.getElementById(id);
      table.replaceChildren();
      const head = table.insertRow();
      for (const column of columns) { const th = document.createElement("th"); th.textContent = column; head.appendChild(th); }
      if (rows.length === 0) { const cell = table.insertRow().insertCell(); cell.colSpan = columns.length; cell.textContent = empty; return; }
      for (const row of rows) {
        const tr = table.insertRow();
        for (const column of columns) { const value = row[column]; tr.insertCell().textContent = value === null || value === undefined ? "" : String(value); }
      }
    }
    function render(state) {
      document.getElementById("notice").dataset.now = state.now;
      document.getElementById("follows").textContent = state.follows.follows + " follows, " + state.follows.pending_requests
        + " pending requests; OAuth 2.0: " + state.oauth2.live_grants + " live grants, " + state.oauth2.live_access_tokens
        + " live access tokens" + (state.keeps_state ? "; state kept across restarts (--state)" : "; state not kept (no --state)");
      const apps = state.bill && state.bill.apps ? state.bill.apps : [];
      fill("bill", ["id", "name", "plan", "balance", "spent_today", "spent_in_all", "units_this_month", "charges"],
        apps.map(app => Object.assign({}, app, { charges: (app.charges || []).length })), "No App.");
      fill("windows", ["operation_id", "scope", "subject", "used", "limit", "reset"], state.rate_limits, "No window open.");
      fill("caps", ["operation_id", "scope", "subject", "used", "limit", "reset"], state.daily_caps, "No action counted.");
      const requests = state.requests.slice().reverse();
      const columns = requests.length ? Object.keys(requests[0]).sort() : ["method", "path", "status"];
      fill("faults", columns, requests.filter(r => r.fault !== undefined && r.fault !== null), "No fault injected.");
      fill("journal", columns, requests, "No request yet.");
      document.getElementById("status").textContent = "Updated " + new Date().toISOString() + " (sandbox time " + state.now + ").";
    }
    async function poll() {
      try {
        const response = await fetch("/_sandbox/state", { cache: "no-store" });
        if (response.ok) { render(await response.json()); }
        else { document.getElementById("status").textContent = "The sandbox answered " + response.status + "."; }
      } catch (error) {
        const status = document.getElementById("status");
        status.textContent = "The sandbox does not answer (" + error.message + ").";
        status.className = "error";
      }
      setTimeout(poll, 1000);
    }
    poll();
    </script>
    </body>
    </html>
    """#
}
