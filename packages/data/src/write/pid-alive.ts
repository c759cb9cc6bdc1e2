/**
 * Whether a process id belongs to a running process (signal 0 only checks). EPERM means it runs as
 * another user: alive.
 * @example pidAlive(process.pid) // true
 */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
