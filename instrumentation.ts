export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootstrap } = await import('./lib/service/bootstrap');
    try {
      await bootstrap();
    } catch (err) {
      // A server that cannot start must not stay up failing every request (npm start checks before listening:
      // lib/service/preflight.ts; this is `next start` run on its own).
      console.error('[kura] cannot start:', err instanceof Error ? err.message : err);
      process.exit(1);
    }
  }
}
