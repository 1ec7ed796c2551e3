/**
 * Where the CPU of a load goes: the server's process, PostgreSQL's processes and the load
 * generator share the machine's cores, so what they spend on a request together bounds the rate,
 * whatever each does with its time. Read from Linux's /proc; what cannot be read counts nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';

// /proc gives CPU time in ticks of 1/100 s on Linux, whatever the kernel's own tick.
const MS_PER_TICK = 10;

/** CPU time (user and system, ms) each of `pids` has spent so far; a process gone is left out. */
function cpuByPid(pids: readonly number[]): Map<number, number> {
  const spent = new Map<number, number>();
  for (const pid of pids) {
    try {
      // The fields after the command's name, which may itself hold spaces and parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      spent.set(pid, (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK);
    } catch {
      // Gone, or not Linux.
    }
  }
  return spent;
}

/** The processes of the PostgreSQL servers on this machine, backends and helpers alike. */
function postgresPids(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((e) => /^\d+$/.test(e) && commandOf(e) === 'postgres').map(Number);
}

function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** CPU spent so far by each party to a load, by name, process by process (ms). */
export type CpuReading = Record<string, Map<number, number>>;
/** Takes a reading; one before a load and one after it give what the load cost. */
export type CpuMeter = () => CpuReading;

/**
 * A meter of the serving process, PostgreSQL's processes when they run on this machine, and this
 * one, whose worker thread generates the load (its main thread only samples memory meanwhile).
 * When the server is this process too (PGlite), all of it is one party.
 */
export function cpuMeter(serverPid: number, postgresHere: boolean): CpuMeter {
  const own = (): Map<number, number> => {
    const { user, system } = process.cpuUsage();
    return new Map([[process.pid, (user + system) / 1000]]);
  };
  if (serverPid === process.pid) return () => ({ 'server, database and load generator': own() });
  return () => ({
    server: cpuByPid([serverPid]),
    ...(postgresHere ? { PostgreSQL: cpuByPid(postgresPids()) } : {}),
    'load generator': own(),
  });
}

/**
 * What each party spent per request between two readings: a process started meanwhile counts
 * all it spent, one that ended meanwhile nothing.
 */
export function perRequest(before: CpuReading, after: CpuReading, requests: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([who, now]) => {
      let ms = 0;
      for (const [pid, spent] of now) ms += spent - (before[who]?.get(pid) ?? 0);
      return [who, ms / Math.max(1, requests)];
    }),
  );
}
