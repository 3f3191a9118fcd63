import type { Permission } from '@shangmi/shared';
import type { ReactNode } from 'react';

/** A menu entry: shown when the user holds its permission. */
export interface NavEntry {
  key: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
}

/** A menu group: shown when any child is. */
export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: NavEntry[];
}

export type Nav = NavEntry | NavGroup;
