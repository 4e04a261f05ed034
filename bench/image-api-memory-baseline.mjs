// The in-process baseline of bench/image-api.mjs (d), run only with BENCH_IMAGE_API_MEMORY=1: the
// renders the server accepted in the burst, through Kura's own render code, 2 at a time as its
// queue runs them, in a fresh Node process; prints one line of JSON with the peak RSS growth.
//
// Usage: node bench/image-api-memory-baseline.mjs <24 MP jpeg> <renders> <at once>
import sharp from 'sharp';
import { loadKuraModule } from './lib/load-kura-module.mjs';
import { peakRssOf, resetPeakRss, rssOf } from './lib/proc.mjs';

const [file, renders, atOnce] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const { renderImage } = await loadKuraModule('lib/image-api/render.ts');
const { parseImageParams } = await loadKuraModule('lib/image-api/parse-params.ts');
const render = (input, query) =>
  renderImage(input, parseImageParams(new URLSearchParams(query), {}), { maxInputPixels: 100_000_000 });

await render(
  await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer(),
  'w=10',
); // sharp loaded
const before = rssOf(process.pid);
const reset = resetPeakRss(process.pid);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: atOnce }, async () => {
    while (next < renders) await render(file, `w=${3000 + next++ * 40}&fm=jpg&q=80`); // the burst's first URLs
  }),
);
const MiB = 1024 * 1024;
console.log(
  JSON.stringify({
    renders,
    atOnce,
    seconds: (performance.now() - started) / 1000,
    peakResetWorked: reset,
    rssBeforeMiB: before / MiB,
    peakRssMiB: peakRssOf(process.pid) / MiB,
    peakGrowthMiB: (peakRssOf(process.pid) - before) / MiB,
    rssAfterMiB: rssOf(process.pid) / MiB,
  }),
);
