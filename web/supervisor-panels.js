/*
 * FairExit supervisor dashboard, the panels beside the report (supervisor-report.js draws it):
 *   - customers at risk (GET /api/supervisor/at-risk): a score per customer, each point explained;
 *   - the policy (GET /api/supervisor/policy): the revision in force, its packs and rules with their
 *     citations, `policy check` and `policy test`; and a draft folder's tests and impact over every
 *     stored customer (GET /api/supervisor/policy/draft). The page only shows: editing stays in files.
 */

(() => {
  const { el, getJson, figurePair, human, when, short } = window.fairexitSupervisor;
  const $ = (id) => document.getElementById(id);
  /** Replaces a box's content; absent parts (null, undefined) are left out. */
  const fill = (box, ...parts) => box.replaceChildren(...parts.filter((p) => p !== null && p !== undefined));
  const failed = (box, what, e) =>
    fill(box, el("p", { class: "check-bad", text: `${what} could not be loaded: ${e.message}` }));

  // ---- customers at risk ----------------------------------------------------------------------

  const riskCharts = [];

  async function loadAtRisk() {
    const box = $("at-risk");
    try {
      const data = await getJson("/api/supervisor/at-risk");
      for (const chart of riskCharts.splice(0)) chart.destroy();
      fill(
        box,
        el("p", {
          class: "muted",
          text: `As of ${when(data.asOf)}: ${data.customers.length} current customer(s) scoring ${data.minScore} or more.`,
        }),
      );
      if (data.customers.length === 0) return;
      figurePair(
        box,
        {
          id: "at-risk",
          title: "Risk score by customer",
          horizontal: true,
          rowHeader: "Account",
          info: ["Band"],
          series: [{ name: "Score" }],
          rows: data.customers.map((c) => ({
            label: c.accountNumber,
            info: [human(c.band)],
            cells: [{ value: c.score }],
          })),
        },
        riskCharts,
      );
      for (const c of data.customers)
        box.append(
          el(
            "details",
            { "data-customer": c.customerId },
            el("summary", {
              text: `${c.accountNumber} (${c.customerId}): ${c.score} points, ${human(c.band)}`,
            }),
            el(
              "ul",
              {},
              ...c.points.map((p) =>
                el(
                  "li",
                  {},
                  el("strong", { text: `+${p.points} ${human(p.signal)}` }),
                  ` (${p.weight}): ${p.detail}. ${p.why}.`,
                  el("span", { class: "muted", text: ` On record: ${p.ids.join(", ")}.` }),
                ),
              ),
            ),
            c.notCounted > 0
              ? el("p", { class: "muted", text: `${c.notCounted} older or capped event(s) not counted.` })
              : null,
          ),
        );
    } catch (e) {
      if (e.message !== "signed out") failed(box, "Customers at risk", e);
    }
  }

  // ---- the policy -----------------------------------------------------------------------------

  function findings(title, lines) {
    if (lines.length === 0) return null;
    return el(
      "details",
      {},
      el("summary", { text: `${title} (${lines.length})` }),
      el("ul", {}, ...lines.map((l) => el("li", { text: l }))),
    );
  }

  function testsView(tests, label) {
    const ok = tests.failed === 0;
    const failing = tests.cases.filter((c) => !c.passed);
    return el(
      "div",
      { class: "tests", "data-tests": label },
      el("p", {
        class: ok ? "check-ok" : "check-bad",
        "data-passed": tests.passed,
        "data-failed": tests.failed,
        text: `policy test (${label}): ${tests.passed} passed, ${tests.failed} failed (${tests.caseFiles} case files, revision ${short(tests.revision)})`,
      }),
      findings("Case files that could not run", tests.fileErrors),
      failing.length > 0
        ? el(
            "ul",
            {},
            ...failing.map((c) =>
              el(
                "li",
                {},
                `✗ ${c.name} (${c.file}:${c.line})`,
                el("ul", {}, ...c.failures.map((f) => el("li", { text: f }))),
              ),
            ),
          )
        : null,
      el(
        "details",
        {},
        el("summary", { text: `Every case (${tests.cases.length})` }),
        el(
          "ul",
          {},
          ...tests.cases.map((c) =>
            el("li", { text: `${c.passed ? "✓" : "✗"} ${c.name} (${c.file}:${c.line})` }),
          ),
        ),
      ),
    );
  }

  function packView(pack) {
    const limits = [
      pack.maxOffers !== undefined && `at most ${pack.maxOffers} offer(s)`,
      pack.maxContacts !== undefined && `at most ${pack.maxContacts} alumni contact(s)`,
      pack.quietDays !== undefined && `${pack.quietDays} quiet days`,
    ].filter(Boolean);
    const cited = pack.rules.filter((r) => r.citation).length;
    return el(
      "details",
      { class: "pack", "data-pack": pack.name },
      el("summary", {
        text: `${pack.name}${pack.title ? `: ${pack.title}` : ""} (${pack.file}) · ${pack.rules.length} rules, ${cited} cited${
          pack.extends.length > 0 ? ` · extends ${pack.extends.join(", ")}` : ""
        }${limits.length > 0 ? ` · ${limits.join(", ")}` : ""}`,
      }),
      el(
        "table",
        { "data-table": `rules-${pack.name}` },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ...["Section", "Rule", "What it does", "Citation", "Where"].map((h) =>
              el("th", { scope: "col", text: h }),
            ),
          ),
        ),
        el(
          "tbody",
          {},
          ...pack.rules.map((r) =>
            el(
              "tr",
              { "data-rule": r.id },
              el("td", { text: r.section }),
              el("th", { scope: "row", text: r.id }),
              el("td", { text: r.description ?? "" }),
              el("td", { class: "citation", text: r.citation ?? "" }),
              el("td", { text: r.source }),
            ),
          ),
        ),
      ),
    );
  }

  function policyBlock(view) {
    return [
      el("p", {
        "data-revision": view.revision,
        text: `Revision ${view.revision}: ${view.packs.length} packs (${view.packs.map((p) => p.name).join(", ")}). policy check: ${view.check.errors.length} error(s), ${view.check.warnings.length} warning(s).`,
      }),
      findings("policy check errors", view.check.errors),
      findings("policy check warnings", view.check.warnings),
      ...view.packs.map(packView),
    ];
  }

  async function loadPolicy() {
    const box = $("policy");
    try {
      const data = await getJson("/api/supervisor/policy");
      fill(
        box,
        el("h3", { text: `In force, from ${data.folder}` }),
        el("p", { class: "muted", text: `Loaded ${when(data.loadedAt)}.` }),
        data.rejectedEdit
          ? el("p", {
              class: "check-bad",
              text: `The last edit (${when(data.rejectedEdit.at)}) did not compile and was not taken: ${data.rejectedEdit.errors.length} problem(s). Run fairexit policy check.`,
            })
          : null,
        testsView(data.tests, "in force"),
        ...policyBlock(data.policy),
      );
      if (data.draft.configured) loadDraft(data.draft.folder);
      else
        fill(
          $("draft"),
          el("h3", { text: "A draft" }),
          el("p", {
            class: "muted",
            text: "No draft folder is configured. Set FAIREXIT_POLICY_DRAFT_DIR to an edited copy of the policy folder to see its tests and whose decisions it would change before it goes live.",
          }),
        );
    } catch (e) {
      if (e.message !== "signed out") failed(box, "The policy", e);
    }
  }

  async function loadDraft(folder) {
    const box = $("draft");
    fill(
      box,
      el("h3", { text: `Draft in ${folder}` }),
      el("p", { class: "muted", text: "Checking the draft…" }),
    );
    try {
      const d = await getJson("/api/supervisor/policy/draft");
      const again = el("button", {
        type: "button",
        text: "Check the draft again",
        onclick: () => loadDraft(folder),
      });
      if (d.errors) {
        fill(
          box,
          el("h3", { text: `Draft in ${d.folder}` }),
          el("p", { class: "check-bad", text: "The draft does not compile:" }),
          el("ul", {}, ...d.errors.map((e) => el("li", { text: e }))),
          again,
        );
        return;
      }
      const i = d.impact;
      const delta =
        i.feeDelta.map((f) => `${f.amount > 0 ? "+" : ""}${f.amount} ${f.currency}`).join(", ") || "none";
      fill(
        box,
        el("h3", { text: `Draft in ${d.folder}` }),
        testsView(d.tests, "draft"),
        el("p", {
          class: "impact",
          "data-changed": i.changed.length,
          "data-customers": i.customers,
          text: `${short(i.before)} -> ${short(i.after)}: ${i.changed.length} of ${i.customers} customers' decisions change. Fee change: ${delta}.`,
        }),
        el(
          "table",
          { "data-table": "draft-impact" },
          el("caption", { text: "Whose decisions the draft changes" }),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              ...["Customer", "What changes", "Fees"].map((h) => el("th", { scope: "col", text: h })),
            ),
          ),
          el(
            "tbody",
            {},
            ...(i.changed.length === 0
              ? [
                  el(
                    "tr",
                    {},
                    el("td", { colspan: 3, class: "muted", text: "No customer's decision changes." }),
                  ),
                ]
              : []),
            ...i.changed.map((c) =>
              el(
                "tr",
                {},
                el("th", { scope: "row", text: c.customerId }),
                el("td", {}, el("ul", {}, ...c.changes.map((line) => el("li", { text: line })))),
                el("td", {
                  text: c.feeDelta
                    .map((f) => `${f.amount > 0 ? "+" : ""}${f.amount} ${f.currency}`)
                    .join(", "),
                }),
              ),
            ),
          ),
        ),
        el("details", {}, el("summary", { text: "The draft's packs and rules" }), ...policyBlock(d.policy)),
        again,
      );
    } catch (e) {
      if (e.message !== "signed out") failed(box, "The draft", e);
    }
  }

  loadAtRisk();
  loadPolicy();
})();
