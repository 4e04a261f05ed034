import colorName from 'color-name';

const hex = ([r, g, b]: readonly number[]) => ((r << 16) | (g << 8) | b).toString(16).padStart(6, '0');

/** CSS colour keywords (the set imgix accepts for colour parameters) as RRGGBB. */
export const CSS_COLORS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(colorName).map(([name, rgb]) => [name, hex(rgb)]),
);
