// A user's words inside a LIKE pattern: % and _ would turn them into wildcards, and a backslash
// escapes on PostgreSQL but not on SQLite, so all three are dropped (names hold none in practice).
export function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '');
}
