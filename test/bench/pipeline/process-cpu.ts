import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux);
 * undefined elsewhere. Read for the gateway children around the load, so the bench can say
 * what each message cost in CPU, not only how fast the run went.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** Summed CPU milliseconds of several processes, or undefined when one cannot be read. */
export function totalCpuMs(pids: readonly (number | undefined)[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms === undefined) return undefined;
    total += ms;
  }
  return total;
}

/**
 * Busy CPU milliseconds of the whole machine so far (user, nice, system, irq, softirq of every
 * core, from /proc/stat), or undefined off Linux. Around a run it is what the messages cost all
 * told: the gateways, PostgreSQL, RabbitMQ and the load client; on a saturated machine this,
 * not the gateways' share, bounds the rate.
 */
export function machineBusyMs(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [, user, nice, system, , , irq, softirq] = cpu;
    return ((user + nice + system + irq + softirq) * 1000) / 100;
  } catch {
    return undefined;
  }
}
