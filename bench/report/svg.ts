import { variantNames } from '../drive/variants'
import type { BenchResult } from './results'

const colours: Record<string, string> = {
  raw: '#6b7280',
  feed: '#2563eb',
  feed_cached: '#0891b2',
  feed_304: '#059669',
  payload_graphql: '#dc2626',
  payload_rest: '#ea580c',
  local_api: '#a16207',
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Requests per second of each variant relative to `raw`, on a logarithmic axis. */
export const renderRatiosSvg = (result: BenchResult): string => {
  const raw = result.variants.raw.rps
  const rows = variantNames.map((name) => ({
    name,
    rps: result.variants[name].rps,
    ratio: result.variants[name].rps / raw,
  }))
  const finite = rows.map((row) => row.ratio).filter((ratio) => Number.isFinite(ratio) && ratio > 0)
  const low = Math.floor(Math.log10(Math.min(0.1, ...finite)))
  const high = Math.ceil(Math.log10(Math.max(10, ...finite)))
  const left = 130
  const width = 560
  const rowHeight = 30
  const top = 48
  const height = top + rows.length * rowHeight + 40
  const x = (ratio: number) => left + ((Math.log10(ratio) - low) / (high - low)) * width
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 170}" height="${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">${escape(`Requests/s relative to raw — ${result.mode} run, ${result.db}, tier ${result.dataset.tier}`)}</text>`,
  ]
  for (let decade = low; decade <= high; decade++) {
    const at = x(10 ** decade)
    parts.push(
      `<line x1="${at}" y1="${top - 8}" x2="${at}" y2="${top + rows.length * rowHeight}" stroke="#e5e7eb"/>`,
      `<text x="${at}" y="${top + rows.length * rowHeight + 18}" text-anchor="middle" fill="#6b7280">${10 ** decade >= 1 ? 10 ** decade : (10 ** decade).toFixed(-decade)}×</text>`,
    )
  }
  rows.forEach((row, index) => {
    const y = top + index * rowHeight
    const end = Number.isFinite(row.ratio) && row.ratio > 0 ? x(row.ratio) : left
    parts.push(
      `<text x="${left - 8}" y="${y + 19}" text-anchor="end">${row.name}</text>`,
      `<rect x="${left}" y="${y + 5}" width="${Math.max(1, end - left)}" height="${rowHeight - 10}" fill="${colours[row.name]}" rx="2"/>`,
      `<text x="${end + 6}" y="${y + 19}" fill="#111827">${row.ratio.toFixed(2)}× (${Math.round(row.rps).toLocaleString('en-US')}/s)</text>`,
    )
  })
  const one = x(1)
  parts.push(
    `<line x1="${one}" y1="${top - 8}" x2="${one}" y2="${top + rows.length * rowHeight}" stroke="#111827" stroke-dasharray="4 3"/>`,
    `<text x="${left + width + 160}" y="${height - 8}" text-anchor="end" fill="#6b7280" font-size="11">local_api: operations/s in-process, no HTTP</text>`,
    '</svg>',
  )
  return `${parts.join('\n')}\n`
}
