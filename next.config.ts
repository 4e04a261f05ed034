import type { NextConfig } from 'next';

/**
 * Every page and route but public delivery (its own rules: lib/media/delivery-headers.ts) refuses to be
 * framed and keeps its address out of other sites' Referer. Headers are fixed by the build
 * (.next/routes-manifest.json), so HSTS follows the KURA_PUBLIC_URL the build saw: `npm start` builds again
 * when its scheme changes (scripts/build-state.mjs).
 */
const adminHeaders = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  ...(process.env.KURA_PUBLIC_URL?.startsWith('https://')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }]
    : []),
];

const nextConfig: NextConfig = {
  // Native modules stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'sharp', '@node-rs/argon2'],
  poweredByHeader: false,
  // Delivery sets its own ETag (the content hash); Next's body-hash ETags would only blur which is which.
  generateEtags: false,
  transpilePackages: ['server-only'],
  experimental: {
    // Next loads every route's code at start by default (≈ 60 MiB resident for Kura's routes, the AWS SDK and sharp
    // among them): each route loads on its first request instead, so an idle server holds only what it has used.
    preloadEntriesOnStart: false,
  },
  // Next's own optimizer (/_next/image) would be a second image encoder beside the Image API, with no
  // queue of its own, and by default it takes any local path (/assets/… included): off in production.
  // bench/image-api.mjs compares the two, so a server started with KURA_BENCH=1 (`next start` reads
  // this file, so the switch is taken at start, not at build; `npm start` starts from the build's copy of
  // it instead, scripts/start.mjs) lets it optimise /assets/** only.
  images:
    process.env.KURA_BENCH === '1'
      ? { localPatterns: [{ pathname: '/assets/**', search: '' }] }
      : { unoptimized: true },
  turbopack: {
    // `server-only` marks domain modules; it only knows the React Server Components condition, so
    // the Pages API delivery route and instrumentation (plain Node) would trip it. Browser bundles
    // still get the throwing version.
    resolveAlias: { 'server-only': { browser: 'server-only', default: 'server-only/empty.js' } },
  },
  async headers() {
    return [{ source: '/:path((?!assets/|api/assets/).*)', headers: adminHeaders }];
  },
  async rewrites() {
    // Why delivery (lib/delivery/deliver.ts) answers from a Pages API route: Next 16's App Router route
    // handlers drop the Content-Length we set (they answer chunked) and cannot pipe a file into Node's
    // response; the Pages API route keeps both and measured roughly twice as fast. The public address
    // stays /assets/…; this rewrite is the only link between the two.
    return [
      { source: '/assets/:service/:id/:name', destination: '/api/assets/:service/:id/:name' },
      // Any other /assets path is no file: the JSON 404 of an unknown API path (app/api/[...unknown]/route.ts).
      { source: '/assets/:path*', destination: '/api/not-a-delivery-url' },
    ];
  },
};

export default nextConfig;
