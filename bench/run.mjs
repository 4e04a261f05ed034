// `npm run bench`: runs each benchmark of bench/ in turn and prints its results.
// Benchmarks measure speed and memory; they assert nothing. Figures go into bench/RESULTS.md.
//
//   npm run bench              every benchmark
//   npm run bench -- upload    only the named ones
import os from 'node:os';

/** Each module exports `name` and `run({ log })`, which resolves to its results. */
const BENCHMARKS = [
  './upload.mjs',
  './small-uploads.mjs',
  './library.mjs',
  './image-api.mjs',
  './image-api-rss.mjs',
  './image-api-overlays.mjs',
  './s3.mjs',
  './webhooks.mjs',
  './content-query.mjs',
  './usage.mjs',
  './scale-out.mjs',
  './delivery-origin.mjs',
];

const only = process.argv.slice(2);
const cpus = os.cpus();
console.log(
  `kura bench  ${new Date().toISOString()}  node ${process.version}  ${cpus.length} x ` +
    `${cpus[0]?.model ?? 'unknown CPU'}  ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`,
);

let failed = 0;
let ran = 0;
for (const file of BENCHMARKS) {
  const bench = await import(file);
  if (only.length && !only.includes(bench.name)) continue;
  ran++;
  console.log(`\n== ${bench.name}`);
  const started = Date.now();
  try {
    await bench.run({ log: (line) => console.log(line) });
    console.log(`== ${bench.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (err) {
    failed++;
    console.error(`== ${bench.name}: FAILED`);
    console.error(err);
  }
}
if (only.length && ran === 0) {
  console.error(`No benchmark named ${only.join(', ')}`);
  process.exit(2);
}
process.exit(failed ? 1 : 0);
