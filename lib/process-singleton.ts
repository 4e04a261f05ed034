// Symbol.for of a freshly built string hashes it on every call; some singletons are asked for on every delivery.
const keys = new Map<string, symbol>();

/**
 * One value per server process. Next.js bundles instrumentation, App Router routes and Pages API routes
 * separately, so a module-level `let` exists once per bundle; state that must be shared (the database
 * connection, storages, the render queue, the delivery worker) hangs off `globalThis` instead.
 */
export function processSingleton<T>(name: string, make: () => T): T {
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = Symbol.for(`kura.${name}`)));
  return (slots[key] ??= make());
}

/**
 * `processSingleton` as a getter that keeps the value once it has it: for state asked for on every delivery, where
 * even the lookup on `globalThis` shows in a profile. The value is still the process's one.
 * @example const answers = processSingletonGetter('hotAnswers', () => new LRUCache(…)); answers().get(key)
 */
export function processSingletonGetter<T>(name: string, make: () => T): () => T {
  let got = false;
  let value: T;
  return () => {
    if (!got) {
      value = processSingleton(name, make);
      got = true;
    }
    return value;
  };
}
