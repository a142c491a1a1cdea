import type { TextField } from 'payload'

type Label = { de: string; en: string }

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** An optional web address; only http(s) links are stored (no javascript: or data: URLs). */
export const urlField = (
  name: string,
  label: Label,
  overrides: Partial<TextField> = {},
): TextField =>
  ({
    name,
    type: 'text',
    label,
    validate: (value: string | null | undefined, { required }: { required?: boolean }) => {
      if (!value) return required ? `${label.en} is required.` : true
      return isHttpUrl(value) ? true : `${label.en} must be an http(s) address, got "${value}".`
    },
    ...overrides,
  }) as TextField
