import * as migration_20261127_030823_initial from './20261127_030823_initial'

export const migrations = [
  {
    up: migration_20261127_030823_initial.up,
    down: migration_20261127_030823_initial.down,
    name: '20261127_030823_initial',
  },
]
