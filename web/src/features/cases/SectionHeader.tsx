import { Button, Group, Title, type MantineSpacing } from '@mantine/core';

/** The button that opens a section's form; callers leave it out while the form is open or the user may not write. */
export interface SectionAction {
  label: string;
  onClick: () => void;
  variant?: 'default';
  size?: 'sm' | 'xs';
}

/** The small grey button of sections whose form edits what is shown, rather than adding to a list. */
export const QUIET = { variant: 'default', size: 'xs' } as const;

/** A case section's heading with its one action, so every tab lines them up alike. */
export function SectionHeader({
  title,
  titleId,
  titleSize = 'h4',
  mb,
  action,
}: {
  title: string;
  /** The id the section's `aria-labelledby` points at. */
  titleId?: string;
  titleSize?: 'h4' | 'h5';
  mb?: MantineSpacing;
  action?: SectionAction | false;
}) {
  return (
    <Group justify="space-between" mb={mb}>
      <Title order={2} size={titleSize} id={titleId}>
        {title}
      </Title>
      {action && (
        <Button size={action.size ?? 'sm'} variant={action.variant} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Group>
  );
}
