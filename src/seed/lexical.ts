import type { Project } from '../payload-types'

export type RichText = NonNullable<Project['body']>

/** A Lexical document of plain paragraphs, the shape the admin's editor saves. */
export const paragraphs = (...texts: string[]): RichText =>
  ({
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: texts.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ],
      })),
    },
  }) as RichText
