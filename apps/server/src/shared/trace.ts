/** Phase timings of long jobs, printed when RACCORD_IMPORT_TRACE=1 (bench/profile-import.ts). */
let last = performance.now();
let lastCpu = process.cpuUsage();
export function trace(label: string): void {
  if (process.env.RACCORD_IMPORT_TRACE !== '1') return;
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  const m = process.memoryUsage();
  console.log(
    `  [trace] ${label} @${(now / 1000).toFixed(2)} s: +${(now - last).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (rss ${Math.round(m.rss / 1048576)} MB, heap ${Math.round(m.heapUsed / 1048576)} / ${Math.round(m.heapTotal / 1048576)} MB, external ${Math.round(m.external / 1048576)} MB, array buffers ${Math.round(m.arrayBuffers / 1048576)} MB)`,
  );
  last = now;
  lastCpu = process.cpuUsage();
}
