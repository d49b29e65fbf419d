/*
 * FairExit supervisor dashboard, the common part: helpers, a chart with a table of the same
 * numbers beside it (Chart.js, served from the npm package at /supervisor/chart.umd.min.js), and
 * the drill-down: every number and every bar opens the conversations behind it
 * (GET /api/supervisor/conversations?ids=…), and each of those its transcript and audit record
 * (GET /api/supervisor/conversations/:id). No framework; every piece of data goes into the page
 * as text, never as HTML. The report's panels are drawn by supervisor-report.js, the policy and
 * at-risk panels by supervisor-panels.js; both use `window.fairexitSupervisor`.
 *
 * Each number cell carries `data-path` (where the number is in the report JSON) and
 * `data-value` (the number itself), so a test can compare the page with the report.
 */

(() => {
  const { $, el, announce } = window.fairexitConsole;
  const status = (text, error = false) => {
    $("status").textContent = text;
    $("status").classList.toggle("error", error);
  };

  async function getJson(path) {
    const res = await fetch(path, { credentials: "same-origin", headers: { accept: "application/json" } });
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) {
      // The session ended: the page itself then explains how to sign in again.
      window.location.assign("/supervisor");
      throw new Error("signed out");
    }
    if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
    return body;
  }

  const PALETTE = ["#1a5fd6", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d"];
  const NONE = { count: 0, conversationIds: [] };
  const human = (label) => String(label).replaceAll("_", " ");
  const moneyText = (m) => {
    try {
      return new Intl.NumberFormat("en-GB", { style: "currency", currency: m.currency }).format(m.amount);
    } catch {
      return `${m.amount.toFixed(2)} ${m.currency}`;
    }
  };
  const pct = (share) =>
    share === null || share === undefined ? "n/a" : `${Math.round(share * 1000) / 10}%`;
  const short = (revision) =>
    String(revision)
      .replace(/^sha256:/, "")
      .slice(0, 10);
  const when = (iso) => (iso ? String(iso).replace("T", " ").slice(0, 16) : "");

  // ---- figures: a number that opens its conversations -------------------------------------

  /** A table cell for a number; a button that drills down when conversations are behind it. */
  function numberCell(cell, title) {
    const figure = cell.figure ?? NONE;
    const value = cell.value ?? figure.count;
    const text = cell.text ?? String(value);
    const td = el("td", { class: "num", "data-path": cell.path, "data-value": value });
    if (figure.conversationIds.length > 0)
      td.append(
        el("button", {
          type: "button",
          class: "figure",
          text,
          "aria-label": `${text}, ${title}: open the conversations`,
          onclick: () => drill(title, figure.conversationIds),
        }),
      );
    else td.textContent = text;
    return td;
  }

  const charts = [];
  const markerPlugin = {
    id: "revisionMarkers",
    afterDatasetsDraw(chart, _args, options) {
      const marks = options?.marks ?? [];
      if (marks.length === 0) return;
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      for (const m of marks) {
        const x = scales.x.getPixelForValue(m.index);
        ctx.strokeStyle = "#7c3aed";
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(x, chartArea.top);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = "#7c3aed";
        ctx.font = "11px system-ui, sans-serif";
        ctx.fillText(m.label, Math.min(x + 3, chartArea.right - 80), chartArea.top + 10);
      }
      ctx.restore();
    },
  };

  /**
   * A chart and a table of the same figures.
   * spec: { id, title, kind ("bar" | "line"), horizontal, stacked, rowHeader, info: [column names],
   *   series: [{ name, chart (default true) }], rows: [{ label, info: [text], cells: [{ path, figure, value, text }] }],
   *   marks: [{ index, label }] }
   */
  function figurePair(container, spec, registry = charts) {
    const empty = spec.rows.length === 0;
    const wrap = el("div", { class: `figure-pair${empty ? " empty" : ""}`, "data-figure": spec.id });
    const chartBox = el("div", { class: "chart" });
    const canvas = el("canvas", {
      id: `chart-${spec.id}`,
      role: "img",
      "aria-label": `${spec.title}: chart; the table beside it has the same numbers`,
    });
    chartBox.append(canvas);
    const head = el(
      "tr",
      {},
      el("th", { scope: "col", text: spec.rowHeader }),
      ...(spec.info ?? []).map((name) => el("th", { scope: "col", text: name })),
      ...spec.series.map((s) => el("th", { scope: "col", class: "num", text: s.name })),
    );
    const body = el("tbody");
    spec.rows.forEach((row) => {
      body.append(
        el(
          "tr",
          {},
          el("th", { scope: "row", text: row.label }),
          ...(row.info ?? []).map((t) => el("td", { text: t })),
          ...row.cells.map((cell, i) =>
            numberCell(cell, `${spec.title}: ${row.label} (${spec.series[i].name})`),
          ),
        ),
      );
    });
    const table = el(
      "table",
      { "data-table": spec.id },
      el("caption", { text: spec.title }),
      el("thead", {}, head),
      body,
    );
    if (spec.rows.length === 0)
      body.append(
        el(
          "tr",
          {},
          el("td", { colspan: 1 + spec.series.length, class: "muted", text: "None in this period." }),
        ),
      );
    wrap.append(...(empty ? [] : [chartBox]), el("div", { class: "table-box" }, table));
    container.append(wrap);
    if (empty) return undefined;

    const charted = spec.series.map((s, i) => ({ s, i })).filter(({ s }) => s.chart !== false);
    const chart = new window.Chart(canvas, {
      type: spec.kind ?? "bar",
      data: {
        labels: spec.rows.map((r) => r.label),
        datasets: charted.map(({ s, i }, n) => ({
          label: s.name,
          data: spec.rows.map((r) => r.cells[i].value ?? (r.cells[i].figure ?? NONE).count),
          backgroundColor: PALETTE[n % PALETTE.length],
          borderColor: PALETTE[n % PALETTE.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        scales: {
          x: { stacked: spec.stacked ?? false, ticks: { precision: 0 } },
          y: { stacked: spec.stacked ?? false, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: {
          title: { display: true, text: spec.title },
          legend: { display: charted.length > 1 },
          revisionMarkers: { marks: spec.marks ?? [] },
        },
        onClick: (_event, elements) => {
          const hit = elements[0];
          if (!hit) return;
          const { i } = charted[hit.datasetIndex];
          const row = spec.rows[hit.index];
          const figure = row.cells[i].figure ?? NONE;
          if (figure.conversationIds.length > 0)
            drill(`${spec.title}: ${row.label} (${spec.series[i].name})`, figure.conversationIds);
        },
      },
      plugins: [markerPlugin],
    });
    registry.push(chart);
    return chart;
  }

  /** Rows for labelled figures: one per label, `path` pointing into the report. */
  const labelled = (list, path) =>
    list.map((f, i) => ({ label: human(f.label), cells: [{ path: `${path}.${i}.count`, figure: f }] }));

  /** Rows for two (or more) labelled lists side by side, one column each; labels joined. */
  function sideBySide(lists) {
    const labels = [];
    for (const { list } of lists) for (const f of list) if (!labels.includes(f.label)) labels.push(f.label);
    return labels.map((label) => ({
      label: human(label),
      cells: lists.map(({ list, path }) => {
        const i = list.findIndex((f) => f.label === label);
        return i < 0 ? { figure: NONE } : { path: `${path}.${i}.count`, figure: list[i] };
      }),
    }));
  }

  /** Rows per label with one column per currency (amounts), plus the count. */
  function moneyRows(list, path, currencies, extra = () => []) {
    return list.map((f, i) => ({
      label: human(f.label),
      info: extra(f),
      cells: [
        { path: `${path}.${i}.count`, figure: f },
        ...currencies.map((currency) => {
          const j = f.amounts.findIndex((m) => m.currency === currency);
          return j < 0
            ? { figure: NONE, value: 0, text: "–" }
            : {
                path: `${path}.${i}.amounts.${j}.amount`,
                figure: f.amounts[j],
                value: f.amounts[j].amount,
                text: moneyText(f.amounts[j]),
              };
        }),
      ],
    }));
  }

  // ---- drill-down ---------------------------------------------------------------------------

  function conversationButton(id) {
    return el("button", {
      type: "button",
      class: "figure",
      "data-conversation": id,
      text: id,
      onclick: () => openConversation(id),
    });
  }

  const MAX_IDS = 200; // as the server lists at most (src/http/supervisorRoutes.ts)

  async function drill(title, ids) {
    const panel = $("drill");
    panel.hidden = false;
    $("drill-title").textContent = `${title}: ${ids.length} conversation(s)`;
    $("drill-list").replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    $("conversation").replaceChildren();
    panel.focus();
    try {
      const shown = ids.slice(0, MAX_IDS);
      const { conversations } = await getJson(
        `/api/supervisor/conversations?ids=${encodeURIComponent(shown.join(","))}`,
      );
      const head = ["Conversation", "Customer", "Channel", "Started", "Turns"];
      $("drill-list").replaceChildren(
        el(
          "table",
          { "data-table": "drill" },
          el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col", text: h })))),
          el(
            "tbody",
            {},
            ...conversations.map((c) =>
              el(
                "tr",
                {},
                el("td", {}, conversationButton(c.id)),
                el("td", { text: c.customerId ?? (c.kind === "assist" ? "(agent assist)" : "") }),
                el("td", { text: c.channel ?? "" }),
                el("td", { text: when(c.startedAt) }),
                el("td", { class: "num", text: c.turnCount ?? "" }),
              ),
            ),
          ),
        ),
        ...(ids.length > MAX_IDS
          ? [el("p", { class: "muted", text: `The first ${MAX_IDS} of ${ids.length}.` })]
          : []),
      );
      announce(`${conversations.length} conversations listed`);
    } catch (e) {
      $("drill-list").replaceChildren(el("p", { class: "check-bad", text: e.message }));
    }
  }

  async function openConversation(id) {
    const box = $("conversation");
    $("drill").hidden = false;
    box.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    try {
      const c = await getJson(`/api/supervisor/conversations/${encodeURIComponent(id)}`);
      const heading = el("h3", { id: "conversation-title", tabindex: "-1", text: `Conversation ${c.id}` });
      const meta = [
        c.customerId && `customer ${c.customerId}`,
        c.channel,
        c.startedAt && `started ${when(c.startedAt)}`,
      ]
        .filter(Boolean)
        .join(" · ");
      box.replaceChildren(
        heading,
        el("p", {
          class: "muted",
          text: meta || (c.kind === "assist" ? "Agent assist session (the words are not kept)" : ""),
        }),
        el("h4", { text: "Transcript" }),
        c.turns.length > 0
          ? el(
              "ol",
              { class: "transcript", "data-conversation": c.id },
              ...c.turns.map((t) =>
                el(
                  "li",
                  { class: `turn ${t.speaker}` },
                  el("span", { class: "who", text: t.speaker }),
                  " ",
                  el("time", { datetime: t.at, text: when(t.at) }),
                  el("p", { text: t.text }),
                ),
              ),
            )
          : el("p", { class: "muted", text: "No transcript stored." }),
        el("h4", { text: `Audit record (${c.audit.length} entries)` }),
        el(
          "table",
          { "data-table": "audit" },
          el(
            "thead",
            {},
            el("tr", {}, ...["#", "At", "Kind", "What"].map((h) => el("th", { scope: "col", text: h }))),
          ),
          el(
            "tbody",
            {},
            ...c.audit.map((a) =>
              el(
                "tr",
                {},
                el("td", { class: "num", text: a.seq }),
                el("td", { text: when(a.at) }),
                el("td", { text: a.kind }),
                el("td", {}, el("pre", { text: JSON.stringify(a.data, null, 1) })),
              ),
            ),
          ),
        ),
      );
      heading.focus();
    } catch (e) {
      box.replaceChildren(el("p", { class: "check-bad", text: e.message }));
    }
  }

  const closeDrill = () => {
    $("drill").hidden = true;
    $("main").focus();
  };
  $("drill-close").addEventListener("click", closeDrill);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("drill").hidden) closeDrill();
  });
  $("sign-out").addEventListener("click", async () => {
    await fetch("/agent/logout", { method: "POST", credentials: "same-origin" });
    window.location.assign("/supervisor");
  });

  window.fairexitSupervisor = {
    $,
    el,
    announce,
    status,
    getJson,
    NONE,
    human,
    moneyText,
    pct,
    short,
    when,
    numberCell,
    figurePair,
    charts,
    labelled,
    sideBySide,
    moneyRows,
    drill,
    conversationButton,
  };
})();
