import "server-only";

export type PageOf<Row> = { total: number; rows: Row[]; pageCount: number };

/** The rows a page number stands for, as Prisma's skip and take. */
export type PageWindow = { skip: number; take: number };

/** One page of a list, counted and read together; an empty list still has one page. */
export async function readPage<Row>(
  { page, pageSize }: { page: number; pageSize: number },
  count: () => Promise<number>,
  find: (window: PageWindow) => Promise<Row[]>,
): Promise<PageOf<Row>> {
  const [total, rows] = await Promise.all([count(), find({ skip: (page - 1) * pageSize, take: pageSize })]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
