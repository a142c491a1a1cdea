import * as migration_20261127_030828_initial from './20261127_030828_initial';
import * as migration_20261127_043446_workflow from './20261127_043446_workflow';
import * as migration_20261127_065742_feed from './20261127_065742_feed';

export const migrations = [
  {
    up: migration_20261127_030828_initial.up,
    down: migration_20261127_030828_initial.down,
    name: '20261127_030828_initial',
  },
  {
    up: migration_20261127_043446_workflow.up,
    down: migration_20261127_043446_workflow.down,
    name: '20261127_043446_workflow',
  },
  {
    up: migration_20261127_065742_feed.up,
    down: migration_20261127_065742_feed.down,
    name: '20261127_065742_feed'
  },
];
