import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

export type { SerializedEditorState }

/** Lexical JSON, or null for an empty or missing value. */
export const editorStateOf = (value: unknown): SerializedEditorState | null =>
  typeof value === 'object' && value !== null && 'root' in value
    ? (value as SerializedEditorState)
    : null

/** Plain text to index or preview. */
export const textOf = (state: SerializedEditorState): string =>
  convertLexicalToPlaintext({ data: state }).trim()
