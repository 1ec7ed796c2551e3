/** Diagonal hatching for withheld cells: readable without colour, and unlike any count's shade. */
export function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" style={{ fill: 'var(--mantine-color-gray-1)' }} />
        <line x1="0" y1="0" x2="0" y2="6" style={{ stroke: 'var(--mantine-color-gray-6)' }} strokeWidth="2" />
      </pattern>
    </defs>
  );
}
