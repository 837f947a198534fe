/** Every this many papers a line is printed where no terminal redraws one. */
export const LOG_EVERY = 1000;

const duration = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
};

/**
 * Progress for the CLI: on a terminal one line redrawn in place with rate and
 * ETA (at most every 200 ms); in a log, one line per LOG_EVERY papers.
 */
export function progressPrinter(out: NodeJS.WriteStream, now = () => Date.now()) {
  const started = now();
  let lastDraw = 0;
  const describe = (done: number, total: number) => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? duration((total - done) / rate) : "?";
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    return `${done}/${total} papers (${percent}%), ${rate.toFixed(1)}/s, ETA ${eta}`;
  };
  return {
    update(done: number, total: number) {
      if (out.isTTY) {
        if (done < total && now() - lastDraw < 200) return;
        lastDraw = now();
        out.write(`\r\x1b[2K${describe(done, total)}`);
      } else if (done % LOG_EVERY === 0 || done === total) {
        out.write(`${describe(done, total)}\n`);
      }
    },
    /** Ends the redrawn line before the report. */
    end() {
      if (out.isTTY) out.write("\n");
    },
  };
}

/**
 * How far one long step has got (0 to 1), for the CLI: on a terminal one line
 * redrawn in place; in a log, a line at each tenth. `end()` closes a redrawn
 * line before whatever is printed next.
 */
export function sharePrinter(out: NodeJS.WriteStream, describe: (percent: number) => string) {
  let shown = 0;
  let open = false;
  return {
    update(share: number) {
      const percent = Math.floor(share * 100);
      if (out.isTTY) {
        out.write(`\r\x1b[2K${describe(percent)}`);
        open = true;
      } else if (Math.floor(percent / 10) > Math.floor(shown / 10)) out.write(`${describe(percent)}\n`);
      shown = percent;
    },
    end() {
      if (open) out.write("\n");
      open = false;
    },
  };
}
