/** Headline numbers as a description list, formatted for the page's language. */
export function StatFigures({ items, locale }: { items: { label: string; value: number }[]; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <dl className="stats-figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{number.format(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
