/** One table of docs/scale.md: a title, a header and rows of already formatted cells. */
export interface ScaleTable {
  title: string;
  header: string[];
  rows: string[][];
}

export function markdown(table: ScaleTable): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [`**${table.title}**`, '', line(table.header), line(table.header.map(() => '---')), ...table.rows.map(line)].join('\n');
}
