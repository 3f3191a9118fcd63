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

const ACCOUNT_STATUS_LABELS: Record<Language, Record<UserStatus, string>> = {
  zh: { active: '启用', disabled: '停用' },
  en: { active: 'Enabled', disabled: 'Disabled' },
};

const USCC_MESSAGES_EN: Record<UsccProblem, string> = {
  length: 'The unified social credit code must be 18 characters',
  characters: 'Only digits and capital letters (except I, O, Z, S, V) are allowed',
  check_digit: 'The check character of the unified social credit code is wrong; please check and re-enter',
};

const AUDIT_ACTION_LABELS: Record<Language, Record<string, string>> = {
  zh: {
    create: '新建',
    update: '修改',
    archive: '归档',
    restore: '恢复',
    import: '批量导入',
    login: '登录',
    logout: '退出登录',
    login_failed: '登录失败',
    password_change: '修改密码',
    reset_password: '重置密码',
    seed_base: '初始化基础数据',
    seed_demo: '加载演示数据',
    seed_scale: '加载压测数据',
  },
  en: {
    create: 'Created',
    update: 'Updated',
    archive: 'Archived',
    restore: 'Restored',
    import: 'Imported',
    login: 'Signed in',
    logout: 'Signed out',
    login_failed: 'Sign-in failed',
    password_change: 'Changed password',
    reset_password: 'Reset password',
    seed_base: 'Loaded base data',
    seed_demo: 'Loaded demo data',
    seed_scale: 'Loaded scale data',
  },
};

export interface DomainLabels {
  role: (role: Role) => string;
  honour: (honour: Honour) => string;
  size: (size: EnterpriseSize) => string;
  enterpriseStatus: (status: EnterpriseStatus) => string;
  organizationStatus: (status: OrganizationStatus) => string;
  organizationKind: (kind: OrganizationKind) => string;
  accountStatus: (status: UserStatus) => string;
  usccProblem: (problem: UsccProblem) => string;
  /** Audit actions the server writes; an unknown one is shown as the server spelled it. */
  auditAction: (action: string) => string;
}

export const useDomainLabels = defineMessages<DomainLabels>({
  zh: {
    role: (role) => ROLE_LABELS[role].zh,
    honour: (honour) => HONOUR_LABELS[honour],
    size: (size) => ENTERPRISE_SIZE_LABELS[size],
    enterpriseStatus: (status) => ENTERPRISE_STATUS_LABELS[status],
    organizationStatus: (status) => ENTERPRISE_STATUS_LABELS[status],
    organizationKind: (kind) => ORGANIZATION_KIND_LABELS[kind],
    accountStatus: (status) => ACCOUNT_STATUS_LABELS.zh[status],
    usccProblem: (problem) => USCC_MESSAGES[problem],
    auditAction: (action) => AUDIT_ACTION_LABELS.zh[action] ?? action,
  },
  en: {
    role: (role) => ROLE_LABELS[role].en,
    honour: (honour) => HONOUR_LABELS_EN[honour],
    size: (size) => SIZE_LABELS_EN[size],
    enterpriseStatus: (status) => ENTERPRISE_STATUS_LABELS_EN[status],
    organizationStatus: (status) => ENTERPRISE_STATUS_LABELS_EN[status],
    organizationKind: (kind) => ORGANIZATION_KIND_LABELS_EN[kind],
    accountStatus: (status) => ACCOUNT_STATUS_LABELS.en[status],
    usccProblem: (problem) => USCC_MESSAGES_EN[problem],
    auditAction: (action) => AUDIT_ACTION_LABELS.en[action] ?? action,
  },
});
