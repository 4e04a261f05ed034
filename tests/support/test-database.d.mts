export function testDatabaseUrl(dataDir: string): string | null;
export const checkoutPrefix: string;
export function databaseName(dataDir: string): string;
export function psqlAdmin(sql: string): string;
export function resetTestDatabase(dataDir: string): void;
