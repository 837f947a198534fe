/**
 * The failed tests named in Vitest's and Playwright's JSON reports, one line
 * each ("file › test: first line of the error"), for the last lines of
 * `npm test`: CI keeps only the end of a run's output, and a count alone
 * ("1 failed") does not say which test to look at.
 */

export type VitestReport = {
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
};

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { projectName?: string; status: string; results: { status: string; error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
};
export type PlaywrightReport = { suites?: PlaywrightSuite[]; errors?: { message?: string }[] };

/** The first non-empty line of an error message, without terminal colours, kept short. */
function firstLine(message: string | undefined): string {
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.trim().slice(0, 200);
}

const relative = (file: string) => file.replace(`${process.cwd()}/`, "");

export function vitestFailures(report: VitestReport): string[] {
  return (report.testResults ?? []).flatMap((file) => {
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    // A file that failed outside any test (an import error, a hook) has no failed test of its own.
    if (failed.length === 0) return file.status === "failed" ? [`${relative(file.name)}: ${firstLine(file.message)}`] : [];
    return failed.map((a) => `${relative(file.name)} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
}

/** Failed and flaky tests (a flaky one failed before it passed on a retry). */
export function playwrightFailures(report: PlaywrightReport): string[] {
  const lines: string[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === "unexpected" || test.status === "flaky") {
          const error = test.results.find((r) => r.error)?.error?.message;
          lines.push(
            `${spec.file}:${spec.line} › ${spec.title}${test.status === "flaky" ? " (flaky)" : ""}: ${firstLine(error)}`,
          );
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  for (const error of report.errors ?? []) lines.push(`(outside any test): ${firstLine(error.message)}`);
  return lines;
}
