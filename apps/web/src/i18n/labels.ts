import {
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_STATUS_LABELS,
  HONOUR_LABELS,
  ORGANIZATION_KIND_LABELS,
  ROLE_LABELS,
  USCC_MESSAGES,
  type EnterpriseSize,
  type EnterpriseStatus,
  type Honour,
  type OrganizationKind,
  type Role,
  type UsccProblem,
} from '@shangmi/shared';
import type { OrganizationStatus, UserStatus } from '../api/types';
import { defineMessages, type Language } from './language';

// Chinese labels come from @shangmi/shared (one source with the server); English ones live here until
// the shared package carries them.
const HONOUR_LABELS_EN: Record<Honour, string> = {
  single_champion: 'Single champion',
  specialized: 'Specialised & innovative',
  gazelle: 'Gazelle',
  leading: 'Leading',
  pioneer: 'Pioneer',
};

const SIZE_LABELS_EN: Record<EnterpriseSize, string> = {
  large: 'Large',
  medium: 'Medium',
  small: 'Small',
  micro: 'Micro',
};

const ENTERPRISE_STATUS_LABELS_EN: Record<EnterpriseStatus, string> = {
  active: 'Active',
  archived: 'Archived',
};

const ORGANIZATION_KIND_LABELS_EN: Record<OrganizationKind, string> = {
  department: 'Government department',
  enterprise: 'Enterprise',
  association: 'Industry association',
  service_provider: 'Service provider',
  service_station: 'Service station',
};

const ACCOUNT_STATUS_LABELS: Record<Language, Record<UserStatus & OrganizationStatus, string>> = {
  zh: { active: '启用', disabled: '停用' },
  en: { active: 'Enabled', disabled: 'Disabled' },
};

const USCC_MESSAGES_EN: Record<UsccProblem, string> = {
  length: 'The unified social credit code must be 18 characters',
  characters: 'Only digits and capital letters (except I, O, Z, S, V) are allowed',
  check_digit: 'The check character of the unified social credit code is wrong; please check and re-enter',
};

export interface DomainLabels {
  role: (role: Role) => string;
  honour: (honour: Honour) => string;
  size: (size: EnterpriseSize) => string;
  enterpriseStatus: (status: EnterpriseStatus) => string;
  organizationKind: (kind: OrganizationKind) => string;
  accountStatus: (status: UserStatus) => string;
  usccProblem: (problem: UsccProblem) => string;
}

export const useDomainLabels = defineMessages<DomainLabels>({
  zh: {
    role: (role) => ROLE_LABELS[role].zh,
    honour: (honour) => HONOUR_LABELS[honour],
    size: (size) => ENTERPRISE_SIZE_LABELS[size],
    enterpriseStatus: (status) => ENTERPRISE_STATUS_LABELS[status],
    organizationKind: (kind) => ORGANIZATION_KIND_LABELS[kind],
    accountStatus: (status) => ACCOUNT_STATUS_LABELS.zh[status],
    usccProblem: (problem) => USCC_MESSAGES[problem],
  },
  en: {
    role: (role) => ROLE_LABELS[role].en,
    honour: (honour) => HONOUR_LABELS_EN[honour],
    size: (size) => SIZE_LABELS_EN[size],
    enterpriseStatus: (status) => ENTERPRISE_STATUS_LABELS_EN[status],
    organizationKind: (kind) => ORGANIZATION_KIND_LABELS_EN[kind],
    accountStatus: (status) => ACCOUNT_STATUS_LABELS.en[status],
    usccProblem: (problem) => USCC_MESSAGES_EN[problem],
  },
});
