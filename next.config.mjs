import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The hub is served by src/server.ts; Next only renders the admin and Payload's API routes.
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
