import type { Me } from '../../api/types';
import type { NavEntry } from '../../app/nav-types';

/** This module's menu entries (see app-layout). */
export function useDesignationNav(user: Me): NavEntry[] {
  void user;
  return [];
}
