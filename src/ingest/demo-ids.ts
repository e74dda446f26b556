// Id strings of the demo store, shared by the planners (users, items) and the row writer (sessions, orders).

/** Zero-padded id with a one-letter prefix (`u000123`); wider numbers simply grow. */
export function paddedId(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}
