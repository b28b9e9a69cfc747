import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This folder is the app's root, not the repository's (which has a lockfile of its own).
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
