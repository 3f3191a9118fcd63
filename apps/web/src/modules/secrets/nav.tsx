import type { Me } from '../../api/types';
import type { Nav } from '../../app/nav-types';

/** This module's menu entries (see app-layout). */
export function useSecretNav(user: Me): Nav[] {
  void user;
  return [];
}
