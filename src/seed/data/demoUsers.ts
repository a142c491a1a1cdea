export type DemoUserSeed = {
  email: string
  name: string
  role: 'admin' | 'editor' | 'member'
  /** Slug of the member organisation of a member user. */
  member?: string
}

/** Demo accounts: only on the embedded default database or with SEED_DEMO=true. */
export const demoUsers: DemoUserSeed[] = [
  { email: 'admin@itnet.example', name: 'Demo-Administration', role: 'admin' },
  { email: 'redaktion@itnet.example', name: 'Demo-Redaktion', role: 'editor' },
  { email: 'qsoft@itnet.example', name: 'Demo Q-SOFT', role: 'member', member: 'q-soft' },
  { email: 'tecart@itnet.example', name: 'Demo TecArt', role: 'member', member: 'tecart' },
]
