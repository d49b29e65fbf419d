import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test files that start the real process or run the `fairexit` command (test/support/runFairexit.ts,
 * `spawn`): the slowest files. They form the "process" project; everything else runs in-process
 * in the "fast" project. `npm test` runs both; `npm run test:fast` runs the fast one alone.
 * A new file that spawns the CLI or the server belongs in this list.
 */
const PROCESS_TESTS = [
  "test/cli/**/*.test.ts",
  "test/crash/**/*.test.ts",
  "test/import/importCli.test.ts",
  "test/teams/teamsCli.test.ts",
  "test/audit/auditCli.test.ts",
  "test/audit/keyedChain.test.ts",
  "test/security/paymentDetails.test.ts",
  "test/security/policyPackDeleted.test.ts",
  "test/security/secrets.test.ts",
  "test/http/processSurvives.test.ts",
  "test/bot/resume.test.ts",
  "test/policies/engine/policyCli.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["test/**/*.test.ts", "src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...PROCESS_TESTS],
        },
      },
      {
        extends: true,
        test: { name: "process", include: PROCESS_TESTS },
      },
    ],
  },
});
