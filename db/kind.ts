/** Which database this process uses: PostgreSQL when KURA_DATABASE_URL names one, else the SQLite file. */
export type DatabaseKind = 'sqlite' | 'postgres';

export const databaseKind = (): DatabaseKind => (process.env.KURA_DATABASE_URL ? 'postgres' : 'sqlite');
