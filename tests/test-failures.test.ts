import { describe, expect, test } from "vitest";
import { playwrightFailures, vitestFailures } from "@/scripts/lib/test-failures";

// Shaped as the two reporters write them (trimmed copies of real reports).
describe("the failed tests npm test names at its end", () => {
  test("are Vitest's failed tests, by file and full name, with the error's first line", () => {
    const report = {
      testResults: [
        {
          name: `${process.cwd()}/tests/a.test.ts`,
          status: "failed",
          message: "",
          assertionResults: [
            {
              fullName: "group fails on purpose",
              status: "failed",
              failureMessages: ["\u001b[31mAssertionError: expected 2 to be 3\u001b[39m\n    at tests/a.test.ts:2:48"],
            },
            { fullName: "group passes", status: "passed", failureMessages: [] },
          ],
        },
        { name: `${process.cwd()}/tests/b.test.ts`, status: "passed", assertionResults: [] },
        {
          name: `${process.cwd()}/tests/c.test.ts`,
          status: "failed",
          message: "Error: Cannot find module 'x'",
          assertionResults: [],
        },
      ],
    };
    expect(vitestFailures(report)).toEqual([
      "tests/a.test.ts › group fails on purpose: AssertionError: expected 2 to be 3",
      "tests/c.test.ts: Error: Cannot find module 'x'",
    ]);
  });

  test("are Playwright's failed and flaky tests in nested suites, and errors outside any test", () => {
    const spec = (title: string, status: string, message?: string) => ({
      title,
      file: "e2e/x.spec.ts",
      line: 7,
      tests: [{ projectName: "chromium", status, results: [{ status: "failed", error: message ? { message } : undefined }] }],
    });
    const report = {
      suites: [
        {
          title: "x.spec.ts",
          specs: [spec("passes", "expected")],
          suites: [
            {
              title: "inner",
              specs: [
                spec("fails", "unexpected", "Error: expect(received).toBe(expected)\n\nExpected: 3"),
                spec("wobbles", "flaky", "Timeout"),
              ],
            },
          ],
        },
      ],
      errors: [{ message: "Error: Process from config.webServer was not able to start." }],
    };
    expect(playwrightFailures(report)).toEqual([
      "e2e/x.spec.ts:7 › fails: Error: expect(received).toBe(expected)",
      "e2e/x.spec.ts:7 › wobbles (flaky): Timeout",
      "(outside any test): Error: Process from config.webServer was not able to start.",
    ]);
  });
});
