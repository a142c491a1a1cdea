/**
 * The id a stored reference points to, as text: a bare id, a populated document (`id`) or a
 * polymorphic reference (`{ relationTo, value }`); undefined when there is none.
 */
export const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object') {
    const reference = value as { id?: unknown; value?: unknown }
    return idOf('value' in reference ? reference.value : reference.id)
  }
  return String(value)
}
