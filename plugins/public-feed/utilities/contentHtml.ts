import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import {
  convertLexicalToHTML,
  type HTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'

import type { SerializedEditorState } from '../resolvers/richText'

const linkSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An absolute, harmless link target; feed readers resolve relative links unreliably. */
const absoluteHref = (url: string | undefined, homepage: string): string | null => {
  if (!url) return null
  try {
    const resolved = new URL(url, `${homepage}/`)
    return linkSchemes.has(resolved.protocol) ? resolved.toString() : null
  } catch {
    return null
  }
}

// Internal links hold only the target's id at this depth, which names no public address:
// their text stays, the anchor goes (Payload's default would print href="#" and log an error).
const linkConverter =
  (homepage: string): HTMLConverter<SerializedLinkNode | SerializedAutoLinkNode> =>
  ({ node, nodesToHTML }) => {
    const text = nodesToHTML({ nodes: node.children }).join('')
    const href =
      node.fields.linkType === 'internal' ? null : absoluteHref(node.fields.url, homepage)
    return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text
  }

/** The HTML of a Lexical document for a feed item, links made absolute against `homepage`. */
export const contentHtml = (state: SerializedEditorState, homepage: string): string => {
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    link: linkConverter(homepage),
    autolink: linkConverter(homepage),
  })
  return convertLexicalToHTML({ data: state, converters, disableContainer: true })
}
