/** What `/readyz` reports: each part of the system says whether it can serve. */
export interface ReadinessCheck {
  name: string;
  /**
   * Shown in the report, but a failure does not make the server unready: something for an
   * operator to act on that taking the server out of rotation would not fix.
   */
  alertOnly?: boolean;
  check(): { ok: boolean; detail?: string } | Promise<{ ok: boolean; detail?: string }>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { name: string; ok: boolean; detail?: string; alertOnly?: boolean }[];
}

export async function runReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const flag = c.alertOnly ? { alertOnly: true } : {};
      try {
        return { name: c.name, ...(await c.check()), ...flag };
      } catch (e) {
        return { name: c.name, ok: false, detail: (e as Error).message, ...flag };
      }
    }),
  );
  return { ready: results.every((r) => r.ok || r.alertOnly === true), checks: results };
}
