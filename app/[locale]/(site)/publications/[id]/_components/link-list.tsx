import Link from "next/link";

type Item = { key: string | number; href: string; label: string };

/** Links separated by commas, as the paper's facts show its authors and its topics. */
export function LinkList({ items }: { items: Item[] }) {
  return items.map((item, i) => (
    <span key={item.key}>
      {i > 0 ? ", " : null}
      <Link href={item.href}>{item.label}</Link>
    </span>
  ));
}
