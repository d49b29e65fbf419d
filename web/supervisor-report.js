/*
 * FairExit supervisor dashboard, the report's panels: the report for a date range
 * (GET /api/supervisor/report) as tiles, charts and tables (why customers leave, whether the
 * policy was kept, retention offers, waivers and refunds, hand-overs, policy revisions), drawn
 * with the helpers of supervisor.js. Choosing a range reloads it; the address keeps the range.
 */

(() => {
  const {
    $,
    el,
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
    conversationButton,
  } = window.fairexitSupervisor;
  // ---- the report ---------------------------------------------------------------------------

  let report;

  function tile(container, { label, figure, path, value, text, verdict }) {
    container.append(
      el(
        "div",
        { class: `tile${verdict ? ` ${verdict}` : ""}` },
        el("div", { class: "label", text: label }),
        el(
          "div",
          { class: "value" },
          el("table", {}, el("tbody", {}, el("tr", {}, numberCell({ path, figure, value, text }, label)))),
        ),
      ),
    );
  }

  function renderTiles(r) {
    const box = $("tiles");
    box.replaceChildren();
    const c = r.cancellations;
    tile(box, { label: "Asked to leave", figure: c.started, path: "cancellations.started.count" });
    tile(box, { label: "Cancelled", figure: c.confirmed, path: "cancellations.confirmed.count" });
    tile(box, { label: "Stayed", figure: c.stayed, path: "cancellations.stayed.count" });
    const d = r.policyKept.disclosures;
    tile(box, {
      label: "Every disclosure before confirmation",
      figure: d.allBeforeConfirmation,
      path: "policyKept.disclosures.share",
      value: d.share ?? "",
      text: pct(d.share),
      verdict: d.share === null ? undefined : d.share === 1 ? "good" : "bad",
    });
    const over = r.retention.overAllowance;
    tile(box, {
      label: "Offers beyond what the policy allows",
      figure: { count: over.count, conversationIds: over.violations.map((v) => v.conversationId) },
      path: "retention.overAllowance.count",
      verdict: over.count === 0 ? "good" : "bad",
    });
    tile(box, { label: "Handed over to a person", figure: r.handovers.total, path: "handovers.total.count" });
  }

  function periodIndex(periods, day) {
    let at = -1;
    periods.forEach((p, i) => {
      if (p.start <= day) at = i;
    });
    return at;
  }

  function renderCancellations(r) {
    const box = $("cancellations");
    box.replaceChildren();
    const c = r.cancellations;
    const g = $("granularity").value;
    const periods = c.overTime[g];
    const marks = r.policyRevisions
      .map((rev) => ({ index: periodIndex(periods, rev.firstSeen.slice(0, 10)), label: short(rev.revision) }))
      .filter((m) => m.index >= 0);
    figurePair(box, {
      id: "over-time",
      title: `Cancellations confirmed per ${g} (dashed: a policy revision first seen)`,
      kind: "bar",
      rowHeader: g === "day" ? "Day" : `${g[0].toUpperCase()}${g.slice(1)} starting`,
      series: [{ name: "Cancelled" }],
      rows: periods.map((p, i) => ({
        label: p.start,
        cells: [{ path: `cancellations.overTime.${g}.${i}.count`, figure: p }],
      })),
      marks,
    });
    figurePair(box, {
      id: "by-reason",
      title: "Cancellations by the reason the customer gave",
      rowHeader: "Stated reason",
      series: [{ name: "Cancelled" }],
      rows: labelled(c.byStatedReason, "cancellations.byStatedReason"),
    });
    figurePair(box, {
      id: "by-department",
      title: "Which department failed them first, and who failed them at all",
      rowHeader: "Department",
      series: [{ name: "Root cause (first failure)" }, { name: "Anywhere in the chain" }],
      rows: sideBySide([
        { list: c.byRootCause, path: "cancellations.byRootCause" },
        { list: c.byDepartmentInChain, path: "cancellations.byDepartmentInChain" },
      ]),
    });
    figurePair(box, {
      id: "by-chain",
      title: "Chains of failures before the exit",
      horizontal: true,
      rowHeader: "Chain",
      series: [{ name: "Cancelled" }],
      rows: labelled(c.byChain, "cancellations.byChain"),
    });
    const leavers = el(
      "table",
      { "data-table": "leavers" },
      el("caption", { text: "Every cancellation in the period, and what preceded it" }),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          ...["Conversation", "Confirmed", "Stated reason", "Root cause", "Chain", "On record"].map((h) =>
            el("th", { scope: "col", text: h }),
          ),
        ),
      ),
      el(
        "tbody",
        {},
        ...c.leavers.map((l) =>
          el(
            "tr",
            {},
            el("td", {}, conversationButton(l.conversationId)),
            el("td", { text: when(l.confirmedAt) }),
            el("td", { text: human(l.statedReason) }),
            el("td", { text: human(l.rootCause) }),
            el("td", { text: l.chain.join(" > ") || "none" }),
            el("td", {
              text: l.links.map((k) => `${k.department}: ${k.kinds.map(human).join(", ")}`).join("; "),
            }),
          ),
        ),
      ),
    );
    box.append(
      el(
        "details",
        {},
        el("summary", { text: `The ${c.leavers.length} cancellations, one by one` }),
        leavers,
      ),
    );
  }

  function renderPolicyKept(r) {
    const box = $("policy-kept");
    box.replaceChildren();
    const p = r.policyKept;
    const d = p.disclosures;
    const gaps = { count: d.gaps.length, conversationIds: d.gaps.map((x) => x.conversationId) };
    box.append(
      el("p", {
        class: d.share === null || d.share === 1 ? "check-ok" : "check-bad",
        text:
          d.share === null
            ? "No cancellation confirmed in this period."
            : `${pct(d.share)} of cancellations had every required disclosure made before the customer confirmed (should be 100%).`,
      }),
    );
    figurePair(box, {
      id: "disclosures",
      title: "Required disclosures before confirmation",
      rowHeader: "Cancellations",
      series: [{ name: "Conversations" }],
      rows: [
        {
          label: "confirmed",
          cells: [{ path: "policyKept.disclosures.confirmed.count", figure: d.confirmed }],
        },
        {
          label: "every disclosure made first",
          cells: [
            { path: "policyKept.disclosures.allBeforeConfirmation.count", figure: d.allBeforeConfirmation },
          ],
        },
        {
          label: "a disclosure missing",
          cells: [{ path: "policyKept.disclosures.gaps.length", figure: gaps }],
        },
      ],
    });
    figurePair(box, {
      id: "tone-by-category",
      title: "Tone findings: bot sentences blocked and agents' words flagged, by category",
      rowHeader: "Category",
      series: [{ name: "Bot (blocked)" }, { name: "Agents (alerts)" }],
      rows: sideBySide([
        { list: p.botToneFindings.byCategory, path: "policyKept.botToneFindings.byCategory" },
        { list: p.agentToneAlerts.byCategory, path: "policyKept.agentToneAlerts.byCategory" },
      ]),
    });
    figurePair(box, {
      id: "tone-by-agent",
      title: "Tone alerts by agent",
      rowHeader: "Agent",
      series: [{ name: "Alerts" }],
      rows: labelled(p.agentToneAlerts.byAgent, "policyKept.agentToneAlerts.byAgent"),
    });
    figurePair(box, {
      id: "contradictions",
      title: "Contradictions of the decision caught",
      rowHeader: "Where",
      series: [{ name: "Caught" }],
      rows: [
        {
          label: "bot",
          cells: [{ path: "policyKept.contradictions.bot.count", figure: p.contradictions.bot }],
        },
        {
          label: "agents",
          cells: [{ path: "policyKept.contradictions.agents.count", figure: p.contradictions.agents }],
        },
        ...labelled(p.contradictions.byCategory, "policyKept.contradictions.byCategory").map((row) => ({
          ...row,
          label: `of which ${row.label}`,
        })),
      ],
    });
    figurePair(box, {
      id: "customer-signals",
      title: "Attempts to instruct the bot and other customer signals",
      rowHeader: "Signal",
      series: [{ name: "Conversations" }],
      rows: labelled(p.customerSignals, "policyKept.customerSignals"),
    });
  }

  function renderRetention(r) {
    const box = $("retention");
    box.replaceChildren();
    const t = r.retention;
    const over = t.overAllowance;
    box.append(
      el("p", {
        class: over.count === 0 ? "check-ok" : "check-bad",
        text:
          over.count === 0
            ? "Never more than allowed: no conversation had more offers than the policy allows."
            : `${over.count} conversation(s) had more offers than the policy allows:`,
      }),
    );
    if (over.count > 0)
      box.append(
        el(
          "ul",
          {},
          ...over.violations.map((v) =>
            el(
              "li",
              {},
              conversationButton(v.conversationId),
              ` ${v.offersMade} made, ${v.allowed} allowed: ${v.reason}`,
            ),
          ),
        ),
      );
    figurePair(box, {
      id: "offers",
      title: "Retention offers made and their answers",
      rowHeader: "Offers",
      series: [{ name: "Conversations" }],
      rows: [
        ["made", "offersMade"],
        ["accepted", "accepted"],
        ["declined", "declined"],
        ["unclear", "unclear"],
      ].map(([label, key]) => ({ label, cells: [{ path: `retention.${key}.count`, figure: t[key] }] })),
    });
    figurePair(box, {
      id: "offers-by-rule",
      title: "Offers made, by offer rule",
      rowHeader: "Offer rule",
      series: [{ name: "Made" }],
      rows: labelled(t.byRule, "retention.byRule"),
    });
  }

  const currenciesOf = (lists) => [...new Set(lists.flat().map((m) => m.currency))].sort();

  function renderMoney(r) {
    const box = $("money");
    box.replaceChildren();
    const m = r.money;
    const currencies = currenciesOf(m.waiversByRule.map((w) => w.amounts));
    const moneySeries = currencies.map((c) => ({ name: `Waived ${c}` }));
    figurePair(box, {
      id: "waivers-by-rule",
      title: "Waivers by rule, and the fees they waived",
      rowHeader: "Waiver rule",
      info: ["For"],
      series: [{ name: "Waivers", chart: false }, ...moneySeries],
      rows: moneyRows(m.waiversByRule, "money.waiversByRule", currencies, (w) => [human(w.group)]),
    });
    figurePair(box, {
      id: "waivers-by-group",
      title: "Waivers by what they are for",
      rowHeader: "For",
      series: [{ name: "Waivers", chart: false }, ...moneySeries],
      rows: moneyRows(m.waiversByGroup, "money.waiversByGroup", currencies),
    });
    const all = currenciesOf([m.waivedTotal, m.chargedTotal]);
    const amountCell = (list, path, currency) => {
      const i = list.findIndex((x) => x.currency === currency);
      return i < 0
        ? { figure: NONE, value: 0, text: "–" }
        : { path: `${path}.${i}.amount`, figure: list[i], value: list[i].amount, text: moneyText(list[i]) };
    };
    figurePair(box, {
      id: "waived-charged",
      title: "What leaving customers were spared and charged, per currency",
      rowHeader: "Currency",
      series: [{ name: "Waived" }, { name: "Charged" }],
      rows: all.map((currency) => ({
        label: currency,
        cells: [
          amountCell(m.waivedTotal, "money.waivedTotal", currency),
          amountCell(m.chargedTotal, "money.chargedTotal", currency),
        ],
      })),
    });
    const f = m.refunds;
    figurePair(box, {
      id: "refunds",
      title: "Refunds and credits",
      rowHeader: "What",
      series: [{ name: "Conversations" }],
      rows: [
        {
          label: "open disputes credited",
          cells: [{ path: "money.refunds.disputes.count.count", figure: f.disputes.count }],
        },
        {
          label: "promotions never applied, credited",
          cells: [{ path: "money.refunds.promotions.count.count", figure: f.promotions.count }],
        },
        {
          label: "undisclosed fees waived",
          cells: [{ path: "money.refunds.undisclosedFees.count.count", figure: f.undisclosedFees.count }],
        },
      ],
    });
    figurePair(box, {
      id: "refund-amounts",
      title: "Refund amounts, per currency",
      rowHeader: "What",
      series: [{ name: "Amount" }],
      rows: [
        ...f.disputes.amounts.map((a, i) => ({
          label: `disputes credited (${a.currency})`,
          cells: [
            {
              path: `money.refunds.disputes.amounts.${i}.amount`,
              figure: a,
              value: a.amount,
              text: moneyText(a),
            },
          ],
        })),
        ...f.undisclosedFees.amounts.map((a, i) => ({
          label: `undisclosed fees waived (${a.currency})`,
          cells: [
            {
              path: `money.refunds.undisclosedFees.amounts.${i}.amount`,
              figure: a,
              value: a.amount,
              text: moneyText(a),
            },
          ],
        })),
      ],
    });
  }

  function renderHandovers(r) {
    const box = $("handovers");
    box.replaceChildren();
    const h = r.handovers;
    figurePair(box, {
      id: "handovers",
      title: "Hand-overs by the reason a person was needed",
      rowHeader: "Reason",
      series: [{ name: "Hand-overs" }],
      rows: [
        ...labelled(h.byReason, "handovers.byReason"),
        {
          label: "after a confirmed cancellation",
          cells: [{ path: "handovers.afterCancellation.count", figure: h.afterCancellation }],
        },
      ],
    });
  }

  function renderRevisions(r) {
    const box = $("revisions");
    box.replaceChildren();
    const cols = [
      "Revision",
      "First seen",
      "Last seen",
      "Decisions",
      "Cancelled",
      "Offers made",
      "Offers accepted",
      "Hand-overs",
      "Disclosed first",
      "Waived",
      "Charged",
    ];
    const rows = r.policyRevisions.map((rev, i) => {
      const p = `policyRevisions.${i}`;
      return el(
        "tr",
        {},
        el("th", { scope: "row", text: short(rev.revision), title: rev.revision }),
        el("td", { text: when(rev.firstSeen) }),
        el("td", { text: when(rev.lastSeen) }),
        numberCell(
          { path: `${p}.decisions.count`, figure: rev.decisions },
          `decisions under ${short(rev.revision)}`,
        ),
        numberCell(
          { path: `${p}.confirmed.count`, figure: rev.confirmed },
          `cancellations under ${short(rev.revision)}`,
        ),
        numberCell(
          { path: `${p}.offersMade.count`, figure: rev.offersMade },
          `offers made under ${short(rev.revision)}`,
        ),
        numberCell(
          { path: `${p}.offersAccepted.count`, figure: rev.offersAccepted },
          `offers accepted under ${short(rev.revision)}`,
        ),
        numberCell(
          { path: `${p}.handovers.count`, figure: rev.handovers },
          `hand-overs under ${short(rev.revision)}`,
        ),
        el("td", {
          class: "num",
          "data-path": `${p}.disclosureShare`,
          "data-value": rev.disclosureShare ?? "",
          text: pct(rev.disclosureShare),
        }),
        el("td", { text: rev.waived.map(moneyText).join(", ") }),
        el("td", { text: rev.charged.map(moneyText).join(", ") }),
      );
    });
    box.append(
      el(
        "table",
        { "data-table": "revisions" },
        el("caption", { text: "Policy revisions in force during the period" }),
        el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", { scope: "col", text: c })))),
        el("tbody", {}, ...rows),
      ),
    );
    if (rows.length === 0) box.append(el("p", { class: "muted", text: "No decision in this period." }));
  }

  function render(r) {
    for (const chart of charts.splice(0)) chart.destroy();
    renderTiles(r);
    renderCancellations(r);
    renderPolicyKept(r);
    renderRetention(r);
    renderMoney(r);
    renderHandovers(r);
    renderRevisions(r);
  }

  // ---- range and start ----------------------------------------------------------------------

  function rangeQuery() {
    const from = $("from").value;
    const to = $("to").value;
    return from && to ? `?from=${from}&to=${to}` : "";
  }

  async function load(query) {
    status("Loading the report…");
    try {
      report = await getJson(`/api/supervisor/report${query}`);
      $("from").value = report.range.from;
      $("to").value = report.range.to;
      const days = (Date.parse(report.range.to) - Date.parse(report.range.from)) / 86_400_000;
      if (!load.granularityChosen)
        $("granularity").value = days <= 62 ? "day" : days <= 400 ? "week" : "month";
      history.replaceState(null, "", `/supervisor?from=${report.range.from}&to=${report.range.to}`);
      const range = `?from=${report.range.from}&to=${report.range.to}`;
      $("download-csv").href = `/api/supervisor/report.csv${range}`;
      $("download-md").href = `/api/supervisor/report.md${range}`;
      render(report);
      const c = report.cancellations;
      status(
        `${report.range.from} to ${report.range.to}: ${c.started.count} asked to leave, ${c.confirmed.count} cancelled, ${c.stayed.count} stayed.`,
      );
      document.dispatchEvent(new CustomEvent("fairexit:report", { detail: report }));
    } catch (e) {
      if (e.message !== "signed out") status(`The report could not be loaded: ${e.message}`, true);
    }
  }

  $("range-form").addEventListener("submit", (e) => {
    e.preventDefault();
    load(rangeQuery());
  });
  for (const preset of document.querySelectorAll(".preset"))
    preset.addEventListener("click", () => {
      const to = report?.range.to ?? $("to").value;
      if (!to) return load("");
      const from = new Date(Date.parse(to) - (Number(preset.dataset.days) - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      load(`?from=${from}&to=${to}`);
    });
  $("granularity").addEventListener("change", () => {
    load.granularityChosen = true;
    if (!report) return;
    for (const chart of charts.splice(0)) chart.destroy();
    render(report);
  });

  const params = new URLSearchParams(window.location.search);
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = params.get("from");
  const to = params.get("to");
  load(from && to && day.test(from) && day.test(to) ? `?from=${from}&to=${to}` : "");
})();
