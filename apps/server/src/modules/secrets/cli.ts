import type { Command } from 'commander';

/** The secret register's commands (keys rotate, …), added to the shangmi CLI. */
export function registerSecretCommands(program: Command): void {
  void program;
}
