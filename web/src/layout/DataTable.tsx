import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A striped table with a header row of already-translated labels. */
export function DataTable({
  headers,
  testId,
  children,
}: {
  headers: string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Table striped highlightOnHover data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
