import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

export type { SerializedEditorState }

/** Lexical JSON, or null for an empty or missing value. */
export const editorStateOf = (value: unknown): SerializedEditorState | null =>
  typeof value === 'object' && value !== null && 'root' in value
    ? (value as SerializedEditorState)
    : null

/** HTML to render (no wrapping container: the frontend places it). */
export const htmlOf = (state: SerializedEditorState): string =>
  convertLexicalToHTML({ data: state, disableContainer: true })

/** Plain text to index or preview. */
export const textOf = (state: SerializedEditorState): string =>
  convertLexicalToPlaintext({ data: state }).trim()
