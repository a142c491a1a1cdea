import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { pngFile } from '../helpers/pngFile'
import { testDatabaseKinds } from '../helpers/testDatabases'
import { demo, startHub, type Hub, type Reply } from './helpers/hub'

/**
 * S30: the media library takes uploaded raster images only (PNG, JPEG, WebP, GIF, AVIF) up to
 * 10 MB, judged by content, and never fetches a file from a URL. Over REST multipart as a
 * member; every refusal is a 4xx with a message, and neither a row nor a file is left behind.
 */

type Upload = { name: string; type: string; bytes: Buffer }

const svgWithScript = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
)
const plainSvg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
)
const sloppyHtml = Buffer.from(
  '<!doctype html><html><body><p>Hallo<script>fetch("/api/users/me")</script></body></html>',
)
const wellFormedHtml = Buffer.from(
  '<html><body><script>alert(document.cookie)</script></body></html>',
)
// An ELF header (Linux executable) and a PE header (Windows executable).
const elf = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
  Buffer.alloc(120, 0),
])
const pe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62, 0),
  Buffer.from('PE\0\0'),
  Buffer.alloc(64),
])
// The PNG signature and the start of an IHDR chunk, then a web page.
const pngSignature = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

describe.each(testDatabaseKinds())('uploads on $name', (kind) => {
  let hub: Hub
  let mediaDir: string
  let member: string
  let editor: string
  let png: Buffer
  // A local web server that counts every request: the hub must never call it.
  let bait: http.Server
  let baitUrl: string
  const baitHits: string[] = []

  beforeAll(async () => {
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-s30-media-'))
    bait = http.createServer((request, response) => {
      baitHits.push(`${request.method} ${request.url}`)
      response.writeHead(200, { 'content-type': 'image/png' })
      response.end(png)
    })
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve))
    baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`
    png = (await pngFile()).data
    hub = await startHub(kind, () => ({ MEDIA_DIR: mediaDir }))
    member = await hub.client.login(demo.qsoft)
    editor = await hub.client.login(demo.editor)
  })

  afterAll(async () => {
    await hub?.stop()
    await new Promise<void>((resolve) => bait?.close(() => resolve()))
    fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  const upload = async ({ name, type, bytes }: Upload, token = member): Promise<Reply> => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    form.append('_payload', JSON.stringify({ alt: `Test ${name}` }))
    const response = await fetch(`${hub.server.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    })
    const text = await response.text()
    let json: Reply['json']
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
  }

  const stored = async () => {
    const reply = await hub.client.get('/api/media?limit=100&depth=0', editor)
    expect(reply.status).toBe(200)
    return {
      rows: (reply.json!.docs as Array<{ id: unknown; filename: string }>).map((doc) => doc.id),
      files: fs.readdirSync(mediaDir).sort(),
    }
  }

  /** Refused with a client error and a message; storage exactly as before. */
  const expectRefused = async (reply: Reply, before: Awaited<ReturnType<typeof stored>>) => {
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.status).toBeLessThan(500)
    const message = (reply.json?.errors as Array<{ message: string }> | undefined)?.[0]?.message
    expect(message).toBeTruthy()
    expect(await stored()).toEqual(before)
    return message!
  }

  it('[S30] should store a real PNG uploaded by a member (the allowlist lets images in)', async () => {
    const before = await stored()
    const reply = await upload({ name: 'logo.png', type: 'image/png', bytes: png })
    expect(reply.status).toBe(201)
    expect(reply.json!.doc).toMatchObject({ mimeType: 'image/png', filename: 'logo.png' })
    const after = await stored()
    expect(after.rows).toHaveLength(before.rows.length + 1)
    expect(after.files).toContain('logo.png')
  })

  it.each<[string, Upload]>([
    ['an SVG with a script', { name: 'logo.svg', type: 'image/svg+xml', bytes: svgWithScript }],
    [
      'a harmless SVG (not on the allowlist)',
      { name: 'plain.svg', type: 'image/svg+xml', bytes: plainSvg },
    ],
    ['an HTML page', { name: 'page.html', type: 'text/html', bytes: sloppyHtml }],
    [
      'an HTML page named .png and sent as image/png',
      { name: 'evil.png', type: 'image/png', bytes: sloppyHtml },
    ],
    [
      'well-formed HTML named .png and sent as image/png',
      { name: 'evil2.png', type: 'image/png', bytes: wellFormedHtml },
    ],
    [
      'an HTML page named .jpg and sent as image/jpeg',
      { name: 'evil.jpg', type: 'image/jpeg', bytes: sloppyHtml },
    ],
    ['a Linux executable named .png', { name: 'tool.png', type: 'image/png', bytes: elf }],
    ['a Windows executable named .gif', { name: 'setup.gif', type: 'image/gif', bytes: pe }],
    [
      'a PNG signature followed by HTML',
      {
        name: 'polyglot.png',
        type: 'image/png',
        bytes: Buffer.concat([pngSignature, wellFormedHtml]),
      },
    ],
  ])('[S30] should refuse %s with a 4xx and store nothing', async (_what, file) => {
    const before = await stored()
    const message = await expectRefused(await upload(file), before)
    expect(message).not.toMatch(/something went wrong/i)
  })

  it('[S30] should refuse a file over 10 MB with 413 and store nothing', async () => {
    const before = await stored()
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1024, 0)])
    const reply = await upload({ name: 'huge.png', type: 'image/png', bytes: big })
    expect(reply.status).toBe(413)
    await expectRefused(reply, before)
  })

  it('[S30] should refuse the paste-url endpoint without fetching anything', async () => {
    const before = await stored()
    for (const token of [member, editor]) {
      const reply = await hub.client.get(
        `/api/media/paste-url?src=${encodeURIComponent(`${baitUrl}/paste.png`)}`,
        token,
      )
      await expectRefused(reply, before)
    }
    expect(baitHits).toEqual([])
  })

  it('[S30] should not fetch a url stated in a create body (REST JSON, multipart and GraphQL)', async () => {
    const before = await stored()
    const external = { alt: 'Von außen', url: `${baitUrl}/external.png`, filename: 'external.png' }
    for (const token of [member, editor]) {
      await expectRefused(
        await hub.client.request('POST', '/api/media', { body: external, token }),
        before,
      )
      const form = new FormData()
      form.append('_payload', JSON.stringify(external))
      const response = await fetch(`${hub.server.url}/api/media`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
        body: form,
      })
      const text = await response.text()
      await expectRefused(
        { status: response.status, headers: response.headers, text, json: JSON.parse(text) },
        before,
      )
      const graphql = await hub.client.graphql(
        'mutation ($data: mutationMediaInput!) { createMedia(data: $data) { id url } }',
        { data: external },
        token,
      )
      expect(graphql.status).toBeLessThan(500)
      expect(graphql.json?.data?.createMedia ?? null).toBeNull()
      expect(graphql.json?.errors?.length).toBeGreaterThan(0)
      expect(await stored()).toEqual(before)
    }
    expect(baitHits).toEqual([])
  })

  it('[S30] should not fetch a url stated in an update body', async () => {
    const created = await upload({ name: 'keep.png', type: 'image/png', bytes: png })
    expect(created.status).toBe(201)
    const id = created.json!.doc.id
    const reply = await hub.client.request('PATCH', `/api/media/${id}`, {
      body: { alt: 'Neu', url: `${baitUrl}/replace.png`, filename: 'replace.png' },
      token: member,
    })
    expect(reply.status).toBeLessThan(500)
    const after = await hub.client.get(`/api/media/${id}?depth=0`, editor)
    expect(after.json).toMatchObject({ filename: 'keep.png', mimeType: 'image/png' })
    expect(fs.readFileSync(path.join(mediaDir, 'keep.png'))).toEqual(png)
    expect(baitHits).toEqual([])
  })
})
