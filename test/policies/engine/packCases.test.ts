/**
 * Runs every `policies/*.cases.yaml` against the default packs: one test per case, named as
 * the case is, so a failing case reads like the situation it checks.
 */
import { describe, expect, it } from "vitest";
import { loadPolicyFolder } from "../../../src/adapters/policyFolder/policyFolder.js";
import { runCaseFile } from "../../../src/policies/cases/runCases.js";
import { formatPolicyError } from "../../../src/policies/policyError.js";
import { POLICY_DIR } from "./support.js";

const loaded = await loadPolicyFolder(POLICY_DIR);
if ("errors" in loaded) throw new Error(loaded.errors.map(formatPolicyError).join("\n"));
const { policy, sources: folder } = loaded;

describe("the default packs' case files", () => {
  it("there is a case file beside every pack", () => {
    const packs = folder.packs.map((f) => f.path.replace(/\.yaml$/, ""));
    const cases = folder.cases.map((f) => f.path.replace(/\.cases\.yaml$/, ""));
    expect(cases).toEqual(packs);
  });

  for (const file of folder.cases) {
    const result = runCaseFile(policy, file);
    describe(file.path.split("/").pop()!, () => {
      it("is a valid case file", () => {
        expect(result.errors.map(formatPolicyError)).toEqual([]);
      });
      for (const r of result.results) {
        it(r.name, () => {
          expect(r.failures, `${r.file}:${r.line}`).toEqual([]);
        });
      }
    });
  }
});
