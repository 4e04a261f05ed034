/**
 * One value per server process. Next.js bundles instrumentation, App Router routes and Pages API routes
 * separately, so a module-level `let` exists once per bundle; state that must be shared (the database
 * connection, storages, the render queue, the delivery worker) hangs off `globalThis` instead.
 */
export function processSingleton<T>(name: string, make: () => T): T {
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`kura.${name}`);
  return (slots[key] ??= make());
}
