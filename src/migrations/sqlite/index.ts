import * as migration_20261127_030823_initial from './20261127_030823_initial';
import * as migration_20261127_043439_workflow from './20261127_043439_workflow';
import * as migration_20261127_065736_feed from './20261127_065736_feed';

export const migrations = [
  {
    up: migration_20261127_030823_initial.up,
    down: migration_20261127_030823_initial.down,
    name: '20261127_030823_initial',
  },
  {
    up: migration_20261127_043439_workflow.up,
    down: migration_20261127_043439_workflow.down,
    name: '20261127_043439_workflow',
  },
  {
    up: migration_20261127_065736_feed.up,
    down: migration_20261127_065736_feed.down,
    name: '20261127_065736_feed'
  },
];
