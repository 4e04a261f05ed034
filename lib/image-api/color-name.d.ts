// color-name 2.x ships no types: its default export maps each CSS colour keyword to [r, g, b].
declare module 'color-name' {
  const colors: Readonly<Record<string, readonly [number, number, number]>>;
  export default colors;
}
