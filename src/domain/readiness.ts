/** What `/readyz` reports: each part of the system says whether it can serve. */
export interface ReadinessCheck {
  name: string;
  check(): { ok: boolean; detail?: string } | Promise<{ ok: boolean; detail?: string }>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { name: string; ok: boolean; detail?: string }[];
}

export async function runReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        return { name: c.name, ...(await c.check()) };
      } catch (e) {
        return { name: c.name, ok: false, detail: (e as Error).message };
      }
    }),
  );
  return { ready: results.every((r) => r.ok), checks: results };
}
