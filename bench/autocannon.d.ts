// autocannon ships no types; the bench uses its programmatic API with a callback only.
declare module 'autocannon' {
  type Options = {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    duration?: number
    timeout?: number
  }
  const autocannon: (
    options: Options,
    done: (error: Error | null, result: never) => void,
  ) => unknown
  export default autocannon
}
