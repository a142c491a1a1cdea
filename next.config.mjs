import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The hub is served by src/server.ts; Next only renders the admin and Payload's API routes.
  poweredByHeader: false,
  // The type check is its own CI step (npm run typecheck); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
