// /proc: memory and CPU of a process tree, of the whole machine, and which process serves a port.
import fs from 'node:fs';

const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat times are in 1/100 s

/** pid and all its descendants (through every thread's children list). */
export function descendants(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${out[i]}/task/${tid}/children`, 'utf8');
      } catch {}
      for (const c of children.split(/\s+/)) if (c) out.push(Number(c));
    }
  }
  return out;
}

/** A `Vm…:` field of /proc/<pid>/status in bytes, or 0 when the process is gone. */
function statusBytes(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Bytes of resident memory of the tree rooted at pid (sum of VmRSS). */
export function treeRss(pid) {
  let bytes = 0;
  for (const p of descendants(pid)) bytes += statusBytes(p, 'VmRSS');
  return bytes;
}

export const rssOf = (pid) => statusBytes(pid, 'VmRSS');
/** The kernel's own peak resident memory of one process (VmHWM), exact whatever the sampling. */
export const peakRssOf = (pid) => statusBytes(pid, 'VmHWM');

/** Sets VmHWM back to the current VmRSS (clear_refs 5); false where the kernel does not let us. */
export function resetPeakRss(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds (user, system) used so far by the tree rooted at pid. */
export function treeCpu(pid) {
  let user = 0;
  let sys = 0;
  for (const p of descendants(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      user += Number(fields[11]); // utime (field 14)
      sys += Number(fields[12]); // stime (field 15)
    } catch {}
  }
  return { user: user / CLK_TCK, sys: sys / CLK_TCK };
}

/** CPU seconds the whole machine has been busy (all cores; iowait and idle excluded). */
export function machineBusy() {
  const [user, nice, system, , , irq, softirq, steal] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / CLK_TCK;
}

/**
 * CPU used from now until `stop()`: by the server tree, by this (client) process, and by the rest of
 * the machine (`othersS`: other people's work, kernel writeback) — what makes a measurement noisy.
 */
export function cpuMeter(serverPid) {
  const server = treeCpu(serverPid);
  const client = process.cpuUsage();
  const busy = machineBusy();
  const started = performance.now();
  return {
    stop() {
      const s = treeCpu(serverPid);
      const c = process.cpuUsage(client);
      const serverUserS = s.user - server.user;
      const serverSysS = s.sys - server.sys;
      const clientS = (c.user + c.system) / 1e6;
      const othersS = Math.max(0, machineBusy() - busy - serverUserS - serverSysS - clientS);
      return {
        serverUserS,
        serverSysS,
        serverS: serverUserS + serverSysS,
        clientS,
        othersS,
        wallS: (performance.now() - started) / 1000,
      };
    },
  };
}

/** Samples the tree's RSS every `everyMs` until `stop()`, keeping the peak. */
export function startSampler(pid, everyMs = 20) {
  const sampler = { peak: treeRss(pid), samples: 1 };
  const take = () => {
    const rss = treeRss(pid);
    sampler.samples++;
    if (rss > sampler.peak) sampler.peak = rss;
  };
  const timer = setInterval(take, everyMs);
  sampler.stop = () => {
    clearInterval(timer);
    take();
    return sampler;
  };
  return sampler;
}

/** The process of the tree rooted at pid that holds the listening socket of `port` (127.0.0.1 or any). */
export function listeningPid(rootPid, port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A') continue; // 0A: LISTEN
      if (parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  for (const pid of descendants(rootPid)) {
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {}
    }
  }
  return null;
}
