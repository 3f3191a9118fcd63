/** The enterprise's own secret register, personnel, agreements and offboarding (issue: secret register). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the secret register's tables
export interface SecretTables {}
