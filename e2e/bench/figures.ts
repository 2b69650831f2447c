// What the benches (and load.spec's printed figures) measure with: a process's memory as Linux
// reports it in /proc/PID/status, and percentiles of response times.
import { readFileSync, writeFileSync } from "node:fs";

const statusKb = (pid: number, field: "VmRSS" | "VmHWM") =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);

/** Resident memory now, in MB. */
export const residentMb = (pid: number) => statusKb(pid, "VmRSS") / 1024;

/** Peak resident memory since the process started or since `resetPeakResident`, in MB. */
export const peakResidentMb = (pid: number) => statusKb(pid, "VmHWM") / 1024;

/** Starts a new peak (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
export const resetPeakResident = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, "5");

/** The p-th percentile (0-100) of `values`, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
