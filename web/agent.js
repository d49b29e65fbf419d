/*
 * FairExit agent console: live calls and their assist views, pushed by server-sent events
 * (GET /api/assist/stream). No framework; every piece of data goes into the page as text, never
 * as HTML. Actions (tick, dismiss, open a customer, check a draft, replay a demo call) are POSTs
 * to /api/assist/* with the console's session cookie; the server checks the Origin header.
 */

(() => {
  const views = new Map(); // sessionId -> latest AssistView
  const seenAlerts = new Set();
  let selected;
  let demoCalls = [];

  const { $, el, announce } = window.fairexitConsole;

  async function post(path, body) {
    const res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body ?? {}),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json?.error?.message ?? `HTTP ${res.status}`);
    return json;
  }

  function accept(view) {
    const known = views.get(view.sessionId);
    if (known && known.version > view.version) return;
    views.set(view.sessionId, view);
    for (const a of view.alerts) {
      if (seenAlerts.has(a.id)) continue;
      seenAlerts.add(a.id);
      if (!a.dismissed) announce(`New alert on ${view.sessionId}: ${a.message}`);
    }
    if (selected === undefined) selected = view.sessionId;
    render();
  }

  // ---- rendering ----------------------------------------------------------------------------

  function render() {
    const focusKey = document.activeElement?.dataset?.key;
    renderList();
    renderSession();
    if (focusKey) document.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  function renderList() {
    const list = $("session-list");
    list.replaceChildren();
    const sorted = [...views.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    $("no-sessions").hidden = sorted.length > 0;
    for (const v of sorted) {
      const open = v.checklist.filter((c) => c.status === "open").length;
      const alerts = v.alerts.filter((a) => !a.dismissed).length;
      const name = v.history?.name ?? v.customerId ?? "no customer yet";
      list.append(
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              "data-key": `session:${v.sessionId}`,
              "aria-current": v.sessionId === selected ? "true" : undefined,
              onclick: () => {
                selected = v.sessionId;
                render();
                $("session").focus();
              },
            },
            `${name} · ${v.sessionId}${v.status === "ended" ? " (ended)" : ""} `,
            el("span", { class: "badge alerts", text: String(alerts), "aria-label": `${alerts} alerts` }),
            " ",
            el("span", { class: "badge open", text: String(open), "aria-label": `${open} open items` }),
          ),
        ),
      );
    }
  }

  function renderSession() {
    const body = $("session-body");
    const v = selected ? views.get(selected) : undefined;
    $("check-form").hidden = !v;
    if (!v) {
      $("session-title").textContent = "Choose a call";
      body.replaceChildren();
      return;
    }
    $("session-title").textContent =
      `${v.history?.name ?? v.customerId ?? "Unknown customer"} · ${v.status.replace("_", " ")}`;
    body.replaceChildren(
      el("div", { class: "grid" }, alertsCard(v), checklistCard(v), nextCard(v)),
      el("div", { class: "grid" }, historyCard(v), transcriptCard(v)),
      v.status === "ended"
        ? undefined
        : el(
            "p",
            {},
            el(
              "button",
              { type: "button", "data-key": "end", onclick: () => act(v, "end", {}) },
              "End this call",
            ),
          ),
    );
  }

  function alertsCard(v) {
    const live = v.alerts.filter((a) => !a.dismissed);
    const dismissed = v.alerts.filter((a) => a.dismissed);
    return el(
      "section",
      { class: "card", "aria-labelledby": "alerts-title" },
      el("h3", { id: "alerts-title", text: `Alerts (${live.length})` }),
      live.length === 0 ? el("p", { class: "muted", text: "No alerts." }) : undefined,
      ...[...live, ...dismissed].map((a) =>
        el(
          "div",
          { class: `alert${a.dismissed ? " dismissed" : ""}`, "data-alert": a.id },
          el("p", {
            class: "what",
            text: `${a.severity === "violation" ? "Violation" : "Warning"}: ${a.message}`,
          }),
          a.words
            ? el("p", { class: "said" }, el("strong", { text: "You said: " }), `“${a.words}”`)
            : undefined,
          a.alternative
            ? el("p", { class: "instead" }, el("strong", { text: "Say instead: " }), a.alternative)
            : undefined,
          a.citation ? el("p", { class: "muted", text: a.citation }) : undefined,
          a.dismissed
            ? el("p", { class: "muted", text: "Dismissed" })
            : el(
                "button",
                {
                  type: "button",
                  "data-key": `dismiss:${a.id}`,
                  "aria-label": `Dismiss alert: ${a.message}`,
                  onclick: () => act(v, "dismiss", { alertId: a.id }),
                },
                "Dismiss",
              ),
        ),
      ),
    );
  }

  function checklistCard(v) {
    const items = [...v.checklist].sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1));
    const open = items.filter((c) => c.status === "open").length;
    return el(
      "section",
      { class: "card", "aria-labelledby": "checklist-title" },
      el("h3", { id: "checklist-title", text: `Still to tell the customer (${open} open)` }),
      items.length === 0 ? el("p", { class: "muted", text: "Nothing to disclose yet." }) : undefined,
      el(
        "ul",
        { class: "checklist" },
        ...items.map((c) =>
          el(
            "li",
            { class: c.status, "data-obligation": c.obligationId },
            el("span", { class: "status", text: c.status === "open" ? "Open: " : "✓ Done: " }),
            el("strong", { text: c.topic.replaceAll("_", " ") }),
            el("div", { text: c.say }),
            c.dischargedBy
              ? el("div", {
                  class: "muted",
                  text:
                    c.dischargedBy.kind === "speech"
                      ? "said on the call"
                      : c.dischargedBy.kind === "bot"
                        ? "told by the bot before the hand-over"
                        : `ticked by hand (${c.dischargedBy.agent})`,
                })
              : el(
                  "button",
                  {
                    type: "button",
                    "data-key": `tick:${c.obligationId}`,
                    "aria-label": `Mark disclosed: ${c.topic.replaceAll("_", " ")}`,
                    onclick: () => act(v, "tick", { obligationId: c.obligationId }),
                  },
                  "Mark disclosed",
                ),
          ),
        ),
      ),
    );
  }

  function nextCard(v) {
    return el(
      "section",
      { class: "card", "aria-labelledby": "next-title" },
      el("h3", { id: "next-title", text: "Next thing to say" }),
      v.next.length === 0 ? el("p", { class: "muted", text: "Nothing suggested." }) : undefined,
      el(
        "ol",
        { class: "next" },
        ...v.next.map((s, i) =>
          el(
            "li",
            {},
            el("span", { text: `${s.text} ` }),
            el(
              "button",
              {
                type: "button",
                "data-key": `copy:${i}`,
                "aria-label": `Copy: ${s.text.slice(0, 60)}`,
                onclick: async (e) => {
                  try {
                    await navigator.clipboard.writeText(s.text);
                    e.target.textContent = "Copied";
                  } catch {
                    e.target.textContent = "Copy failed";
                  }
                },
              },
              "Copy",
            ),
          ),
        ),
      ),
    );
  }

  function historyCard(v) {
    const h = v.history;
    const section = el(
      "section",
      { class: "card history", "aria-labelledby": "history-title" },
      el("h3", { id: "history-title", text: "History" }),
    );
    if (!h) {
      section.append(
        el("p", { class: "muted", text: "No customer on this call yet: open one with their id." }),
      );
      return section;
    }
    const dl = el("dl");
    const row = (term, ...dd) => dl.append(el("dt", { text: term }), el("dd", {}, ...dd));
    row("Customer", `${h.name} (${h.customerId}), ${h.tenure}${h.recognition ? ` · ${h.recognition}` : ""}`);
    row("Services", h.services.map((s) => `${s.plan} (${s.kind}, ${s.status})`).join("; ") || "none");
    if (h.promises.length)
      row(
        "Promises",
        el("ul", {}, ...h.promises.map((p) => el("li", { text: `${p.at} · ${p.by}: “${p.words}”` }))),
      );
    if (h.painPoints.length)
      row(
        "Pain points",
        el(
          "ul",
          {},
          ...h.painPoints.map((p) =>
            el("li", { text: `${p.at.slice(0, 10)} ${p.silo ? `[${p.silo}] ` : ""}${p.summary}` }),
          ),
        ),
      );
    if (h.recentContacts.length)
      row(
        "Contacts, last 90 days",
        el("ul", {}, ...h.recentContacts.map((p) => el("li", { text: `${p.at.slice(0, 10)} ${p.summary}` }))),
      );
    if (h.rootCause.length) row("Likely root cause", h.rootCause.join(" → "));
    if (v.summary) row("Summary", v.summary);
    section.append(dl);
    return section;
  }

  function transcriptCard(v) {
    return el(
      "section",
      { class: "card", "aria-labelledby": "transcript-title" },
      el("h3", { id: "transcript-title", text: "Transcript" }),
      el(
        "ol",
        { class: "transcript" },
        ...v.transcript.map((u) =>
          el(
            "li",
            { class: u.final ? "" : "partial" },
            el("span", { class: "who", text: `${u.speaker === "agent" ? "Agent" : "Customer"}: ` }),
            u.text,
          ),
        ),
      ),
    );
  }

  // ---- actions --------------------------------------------------------------------------------

  async function act(v, action, body) {
    try {
      accept(await post(`/api/assist/sessions/${encodeURIComponent(v.sessionId)}/${action}`, body));
    } catch (e) {
      announce(`Could not ${action}: ${e.message}`);
    }
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const replayDelayMs = Number(new URLSearchParams(location.search).get("replayDelayMs") ?? "700");

  async function replay(call) {
    const sessionId = `demo-${call.id}-${Date.now().toString(36)}`;
    selected = sessionId;
    $("replay").disabled = true;
    try {
      for (const u of call.utterances) {
        const view = await post("/api/assist/events", {
          sessionId,
          customerId: call.customerId,
          speaker: u.speaker,
          text: u.text,
          at: new Date().toISOString(),
          final: true,
        });
        if (view?.sessions) {
          /* the stream brings the view */
        }
        await sleep(replayDelayMs);
      }
    } catch (e) {
      announce(`Replay stopped: ${e.message}`);
    } finally {
      $("replay").disabled = false;
    }
  }

  // ---- start ----------------------------------------------------------------------------------

  function connect() {
    const stream = new EventSource("/api/assist/stream");
    stream.addEventListener("open", () => {
      $("connection").textContent = "Live";
    });
    stream.addEventListener("view", (e) => accept(JSON.parse(e.data)));
    stream.addEventListener("error", () => {
      $("connection").textContent = "Reconnecting…";
    });
  }

  async function loadDemoCalls() {
    const res = await fetch("/agent/demo-calls", { credentials: "same-origin" });
    if (!res.ok) return;
    demoCalls = (await res.json()).calls;
    $("demo-call").replaceChildren(...demoCalls.map((c) => el("option", { value: c.id, text: c.title })));
  }

  $("replay-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const call = demoCalls.find((c) => c.id === $("demo-call").value);
    if (call) void replay(call);
  });
  $("open-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const customerId = $("account").value.trim();
    const sessionId = `console-${Date.now().toString(36)}`;
    try {
      selected = sessionId;
      accept(await post(`/api/assist/sessions/${sessionId}/customer`, { account: customerId }));
    } catch (err) {
      announce(`Could not open ${customerId}: ${err.message}`);
    }
  });
  $("check-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const out = $("check-result");
    try {
      const result = await post("/api/assist/check", { draft: $("draft").value, sessionId: selected });
      out.replaceChildren(
        result.ok
          ? el("p", { text: "OK to say." })
          : el(
              "div",
              {},
              ...result.alerts.map((a) =>
                el(
                  "p",
                  { class: "alert" },
                  el("strong", { text: `${a.message} ` }),
                  a.alternative ? `Say instead: ${a.alternative}` : "",
                ),
              ),
            ),
      );
    } catch (err) {
      out.textContent = `Could not check: ${err.message}`;
    }
  });
  $("sign-out").addEventListener("click", async () => {
    await post("/agent/logout", {}).catch(() => undefined);
    location.reload();
  });

  connect();
  void loadDemoCalls();
})();
