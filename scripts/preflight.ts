// `npm start`'s checks before the server listens (lib/service/preflight.ts): prints one line per problem and
// exits 1, or exits 0 when the start can go on. Run by scripts/start.mjs under tsx.
import { preflight } from '@/lib/service/preflight';

void preflight().then(({ problems, warnings }) => {
  for (const warning of warnings) console.warn(`[kura] warning: ${warning}`);
  if (problems.length > 0) {
    console.error(`[kura] cannot start: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}`);
    for (const problem of problems) console.error(`[kura]   ${problem}`);
    process.exit(1);
  }
  process.exit(0);
});
