import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A list of records as a table: nothing while loading, a sentence when there are none, else the
 * column headings and one row per record (`children` draws a row). Wide tables scroll sideways
 * on a phone rather than squeezing their columns; the scrolled region takes the keyboard's focus
 * so it can be scrolled without a mouse (WCAG 2.1.1, axe's scrollable-region-focusable).
 */
export function RecordTable<T>({
  records,
  empty,
  headings,
  minWidth = 760,
  children,
}: {
  records: readonly T[] | undefined;
  empty: string;
  headings: string[];
  minWidth?: number;
  children: (record: T, index: number) => ReactNode;
}) {
  if (!records) return null;
  if (records.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading} scope="col">
                {heading}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{records.map(children)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
