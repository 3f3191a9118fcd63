/** The programme: plan, allocation, responsibility list, task force meetings, evaluation (issue: programme). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the programme's tables
export interface ProgrammeTables {}
