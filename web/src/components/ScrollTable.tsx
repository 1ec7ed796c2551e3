import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on narrow phones (360 px) instead of squeezing columns. A plain
 * overflow box instead of Mantine's Table.ScrollContainer, which pulls in the whole ScrollArea.
 * Focusable and labelled so keyboard and screen-reader users can scroll it too.
 */
export function ScrollTable({
  label,
  minWidth,
  children,
  ...tableProps
}: { label: string; minWidth: number; children: ReactNode } & Omit<TableProps, 'children'>) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table miw={minWidth} {...tableProps}>
        {children}
      </Table>
    </div>
  );
}
