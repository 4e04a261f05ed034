import path from 'node:path';

/** The default of KURA_DATA_DIR; lib/config.ts validates the variable with the rest of the environment. */
export const DEFAULT_DATA_DIR = './data';

/** Where Kura keeps its database and local files (db/ reads it itself: it imports nothing from lib/). */
export const dataDirectory = (): string => path.resolve(process.env.KURA_DATA_DIR || DEFAULT_DATA_DIR);
