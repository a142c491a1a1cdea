/**
 * Copies plain objects and arrays deeply and keeps everything else (functions, class
 * instances) by reference. Payload's config sanitising mutates collection configs in place, so
 * each built config gets its own copy of the shared definitions.
 */
export const clonePlain = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(clonePlain) as T
  if (value !== null && typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value)
    if (prototype !== Object.prototype && prototype !== null) return value
    const copy: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(value)) copy[key] = clonePlain(entry)
    return copy as T
  }
  return value
}
