/**
 * The report as Markdown: the tables a head of customer care reads on Monday morning. Every
 * row names the conversations behind it (the first few; the JSON and CSV exports list all).
 */
import { formatMoney } from "../domain/money.js";
import type { Figure, LabelledFigure, MoneyFigure, Report } from "./reportTypes.js";

/** How many conversation ids a row shows before `+N more`. */
const SHOWN_IDS = 5;

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

function ids(list: readonly string[]): string {
  if (list.length === 0) return "";
  const shown = list.slice(0, SHOWN_IDS).map((id) => `\`${id}\``);
  return list.length > SHOWN_IDS ? `${shown.join(", ")} +${list.length - SHOWN_IDS} more` : shown.join(", ");
}

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return "_none_\n";
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ]
    .join("\n")
    .concat("\n");
}

const money = (ms: readonly MoneyFigure[]) =>
  ms.length === 0 ? "—" : ms.map((m) => formatMoney(m.amount, m.currency)).join(" + ");
const percent = (s: number | null) => (s === null ? "—" : `${Math.round(s * 1000) / 10}%`);
const countRows = (fs: readonly LabelledFigure[]) =>
  fs.filter((f) => f.count > 0).map((f) => [f.label, String(f.count), ids(f.conversationIds)]);
const row = (label: string, f: Figure) => [label, String(f.count), ids(f.conversationIds)];

export function reportMarkdown(r: Report): string {
  const c = r.cancellations;
  const p = r.policyKept;
  const t = r.retention;
  const m = r.money;
  const days = c.overTime.day.length;
  const [periodName, periods] =
    days <= 14
      ? ["Day", c.overTime.day]
      : days <= 190
        ? ["Week of", c.overTime.week]
        : ["Month", c.overTime.month];
  const out: string[] = [];
  out.push(`# FairExit report, ${r.range.from} to ${r.range.to}\n`);
  out.push(
    `Built ${r.generatedAt} from ${r.read.auditEntries} audit entries, ${r.read.conversations} conversations and ${r.read.customers} customers.\n`,
  );

  out.push("## At a glance\n");
  out.push(
    table(
      ["", "Count", "Conversations"],
      [
        row("Asked to leave", c.started),
        row("Cancellations confirmed", c.confirmed),
        row("Stayed", c.stayed),
        [
          "Every disclosure before confirmation",
          `${p.disclosures.allBeforeConfirmation.count} of ${p.disclosures.confirmed.count} (${percent(p.disclosures.share)})`,
          ids(p.disclosures.gaps.map((g) => g.conversationId)),
        ],
        row("Retention offers made", t.offersMade),
        row("Offers accepted", t.accepted),
        [
          "Offers beyond what the policy allows",
          String(t.overAllowance.count),
          ids(t.overAllowance.violations.map((v) => v.conversationId)),
        ],
        row("Hand-overs to a person", r.handovers.total),
        row("Tone blocked in the bot's words", p.botToneFindings.total),
        row("Tone flagged in agents' speech", p.agentToneAlerts.total),
        row("Contradictions caught (bot + agents)", {
          count: p.contradictions.bot.count + p.contradictions.agents.count,
          conversationIds: [
            ...new Set([...p.contradictions.bot.conversationIds, ...p.contradictions.agents.conversationIds]),
          ].sort(),
        }),
      ],
    ),
  );

  out.push("## Cancellations over time\n");
  out.push(
    table(
      [periodName, "Confirmed", "Conversations"],
      periods.map((f) => row(f.start, f)),
    ),
  );

  out.push("## Why customers left\n");
  out.push("### Stated reason\n");
  out.push(table(["Reason", "Confirmed", "Conversations"], countRows(c.byStatedReason)));
  out.push("### Root cause: the department that failed the customer first\n");
  out.push(
    "The first department whose failure is on record in the year before the exit: an outage, a missed or late appointment, failed equipment, a billing error, an undisclosed fee, a price change, a complaint or promise left open, a promise about leaving not honoured, a promotion never applied.\n",
  );
  out.push(table(["Department", "Confirmed", "Conversations"], countRows(c.byRootCause)));
  out.push("### Departments anywhere in the chain\n");
  out.push(table(["Department", "Confirmed", "Conversations"], countRows(c.byDepartmentInChain)));
  out.push("### Chains\n");
  out.push(table(["Chain", "Confirmed", "Conversations"], countRows(c.byChain)));
  out.push("### Each leaver\n");
  out.push(
    table(
      ["Conversation", "Customer", "Confirmed", "Stated reason", "Chain", "Evidence"],
      c.leavers.map((l) => [
        `\`${l.conversationId}\``,
        l.customerId,
        l.confirmedAt.slice(0, 16).replace("T", " "),
        l.statedReason,
        l.chain.length > 0 ? l.chain.join(" → ") : "none on record",
        l.links.map((k) => `${k.department}: ${k.kinds.join(", ")} (${k.evidence.join(", ")})`).join("; "),
      ]),
    ),
  );

  out.push("## Policy kept\n");
  out.push(
    `${percent(p.disclosures.share)} of confirmed cancellations had every required disclosure before the customer confirmed.\n`,
  );
  if (p.disclosures.gaps.length > 0)
    out.push(
      table(
        ["Conversation", "Not disclosed before confirmation"],
        p.disclosures.gaps.map((g) => [`\`${g.conversationId}\``, g.obligationIds.join(", ")]),
      ),
    );
  out.push("### Tone blocked in the bot's words, by category\n");
  out.push(table(["Category", "Findings", "Conversations"], countRows(p.botToneFindings.byCategory)));
  out.push("### Tone flagged in agents' speech\n");
  out.push(table(["Category", "Alerts", "Sessions"], countRows(p.agentToneAlerts.byCategory)));
  out.push(table(["Agent", "Alerts", "Sessions"], countRows(p.agentToneAlerts.byAgent)));
  out.push("### Contradictions of the decision caught\n");
  out.push(table(["Category or rule", "Caught", "Conversations"], countRows(p.contradictions.byCategory)));
  if (p.customerSignals.length > 0) {
    out.push("### Customer signals\n");
    out.push(table(["Signal", "Count", "Conversations"], countRows(p.customerSignals)));
  }

  out.push("## Retention\n");
  out.push(
    table(
      ["", "Count", "Conversations"],
      [
        row("Offers made", t.offersMade),
        row("Accepted", t.accepted),
        row("Declined", t.declined),
        row("Unclear answer", t.unclear),
      ],
    ),
  );
  out.push(table(["Offer rule", "Made", "Conversations"], countRows(t.byRule)));
  out.push(`Offers beyond what the policy allows: **${t.overAllowance.count}**.\n`);
  if (t.overAllowance.violations.length > 0)
    out.push(
      table(
        ["Conversation", "Offers made", "Allowed", "Why"],
        t.overAllowance.violations.map((v) => [
          `\`${v.conversationId}\``,
          String(v.offersMade),
          String(v.allowed),
          v.reason,
        ]),
      ),
    );

  out.push("## Waivers and refunds\n");
  out.push(
    table(
      ["Waiver rule", "Group", "Granted", "Fees waived", "Conversations"],
      m.waiversByRule.map((w) => [
        w.label,
        w.group,
        String(w.count),
        money(w.amounts),
        ids(w.conversationIds),
      ]),
    ),
  );
  out.push(
    table(
      ["Group", "Granted", "Fees waived", "Conversations"],
      m.waiversByGroup.map((g) => [g.label, String(g.count), money(g.amounts), ids(g.conversationIds)]),
    ),
  );
  out.push(
    `Waived in all: ${money(m.waivedTotal)}. Charged to leaving customers: ${money(m.chargedTotal)}.\n`,
  );
  out.push(
    table(
      ["Refund", "Count", "Amount", "Conversations"],
      [
        [
          "Disputes credited",
          String(m.refunds.disputes.count.count),
          money(m.refunds.disputes.amounts),
          ids(m.refunds.disputes.count.conversationIds),
        ],
        [
          "Promotions never applied, credited",
          String(m.refunds.promotions.count.count),
          "—",
          ids(m.refunds.promotions.count.conversationIds),
        ],
        [
          "Fees waived for an undisclosed fee",
          String(m.refunds.undisclosedFees.count.count),
          money(m.refunds.undisclosedFees.amounts),
          ids(m.refunds.undisclosedFees.count.conversationIds),
        ],
      ],
    ),
  );

  out.push("## Hand-overs\n");
  out.push(table(["Reason (rule)", "Hand-overs", "Conversations"], countRows(r.handovers.byReason)));

  out.push("## Policy revisions\n");
  out.push(
    table(
      [
        "Revision",
        "First seen",
        "Last seen",
        "Decisions",
        "Confirmed",
        "Disclosed before",
        "Offers",
        "Accepted",
        "Hand-overs",
        "Waived",
        "Charged",
      ],
      r.policyRevisions.map((v) => [
        `\`${v.revision.slice(0, 12)}\``,
        v.firstSeen.slice(0, 16).replace("T", " "),
        v.lastSeen.slice(0, 16).replace("T", " "),
        String(v.decisions.count),
        String(v.confirmed.count),
        percent(v.disclosureShare),
        String(v.offersMade.count),
        String(v.offersAccepted.count),
        String(v.handovers.count),
        money(v.waived),
        money(v.charged),
      ]),
    ),
  );
  return out.join("\n");
}
