// The whole catalogue; one file per series (and period) keeps each file short.
import type { SeedPaper } from "../types";
import { focusPapers } from "./papers/focus";
import { majorIssuesPapers } from "./papers/major-issues";
import { perspectives2022to2023 } from "./papers/perspectives-2022-2023";
import { perspectives2024 } from "./papers/perspectives-2024";
import { perspectives2025to2026 } from "./papers/perspectives-2025-2026";

export const papers: readonly SeedPaper[] = [
  ...perspectives2022to2023,
  ...perspectives2024,
  ...perspectives2025to2026,
  ...focusPapers,
  ...majorIssuesPapers,
];
