// The islands' custom elements (islands/paper.ts), as server components write them.
import type { DetailedHTMLProps, HTMLAttributes } from "react";

type IslandProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "send-email": IslandProps;
      "share-link": IslandProps;
      "print-page": IslandProps;
      "find-in-paper": IslandProps;
    }
  }
}
