import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  parent: number;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/**
 * Proportional set size: each page shared by n processes counts 1/n in each. Summed over
 * processes it gives the real total, where RSS would count PostgreSQL's shared buffers once
 * per backend.
 */
function pssBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Memory of a process and all its descendants, summed (Linux /proc). */
export function treeMemoryBytes(root: number): number {
  const processes = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    const info = /^\d+$/.test(entry) ? readProcess(Number(entry)) : undefined;
    if (info) processes.set(Number(entry), info);
  }
  const inTree = new Set([root]);
  let total = 0;
  // A parent usually has a lower pid than its children, but not always: repeat until the
  // tree stops growing.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, info] of processes) {
      if (!inTree.has(pid) && inTree.has(info.parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  for (const pid of inTree) total += pssBytes(pid);
  return total;
}

/** Samples the tree's memory until stopped; returns the peak. */
export function watchPeakMemory(root: number, everyMs = 200): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeMemoryBytes(root));
  }, everyMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
