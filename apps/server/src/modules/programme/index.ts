export { programmeRoutes } from './programme.routes';
export { runOverdueCheck, startProgrammeJobs, type OverdueRun } from './programme.jobs';
export { loggingChannels, type MessageChannels } from './programme.channels';
export { importProgramme } from './programme.service';
export type { ProgrammeDocument } from './programme.document';
