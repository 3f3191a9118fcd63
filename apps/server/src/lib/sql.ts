/** Escapes LIKE wildcards so a user's % or _ match themselves; use with `escape '\'`. */
export const likeEscape = (value: string): string => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
