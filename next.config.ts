import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native modules stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'sharp', '@node-rs/argon2'],
  poweredByHeader: false,
  async rewrites() {
    // Delivery is a Pages API route: only there does Next keep the Content-Length we set
    // and let us stream a file into Node's response (see docs/architecture.md).
    return [{ source: '/assets/:service/:id/:name', destination: '/api/assets/:service/:id/:name' }];
  },
};

export default nextConfig;
