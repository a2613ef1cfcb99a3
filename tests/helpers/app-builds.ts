/**
 * The H5 app and the mini-program, built once per test run for the browser and mini-program tests.
 * A project's global setup starts its build in the background (startBuild) instead of waiting for it:
 * the two builds run side by side and beside the suites that need neither; the projects' suites wait
 * for theirs before their first test (waitForBuild, in build-wait-*.ts). How a build ended is a file
 * in the run's marks folder, which the test workers find through the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MARKS_VARIABLE = 'FAZHI_BUILD_MARKS';

export interface AppBuild {
  /** 'h5' or 'weapp': its marks are named after it. */
  name: string;
  /** What the report calls it: "H5 build for the browser tests". */
  label: string;
  /** `taro build` arguments. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Set to '1' (with `builtFile` present) to reuse the last build while iterating on tests. */
  reuseVariable: string;
  builtFile: string;
}

/** Builds still running, for the teardown (global setup and teardown run in the same process). */
const running = ((globalThis as { __fazhiBuilds?: Set<ChildProcess> }).__fazhiBuilds ??= new Set<ChildProcess>());

/** The run's marks folder: made by the first global setup that starts a build, inherited by the test workers. */
function marksDir(create = false): string {
  const dir = process.env[MARKS_VARIABLE];
  if (dir) return dir;
  if (!create) throw new Error(`${MARKS_VARIABLE} is not set: the project's global setup starts the build`);
  return (process.env[MARKS_VARIABLE] = mkdtempSync(join(tmpdir(), 'builds-')));
}
const doneMark = (name: string): string => join(marksDir(), `${name}.done`);
const failedMark = (name: string): string => join(marksDir(), `${name}.failed`);

/** Starts `build` in the background (or marks it done when the last build is reused). */
export function startBuild(build: AppBuild): void {
  marksDir(true);
  if (process.env[build.reuseVariable] === '1' && existsSync(join(ROOT, build.builtFile))) {
    writeFileSync(doneMark(build.name), 'reused');
    return;
  }
  const started = Date.now();
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', ...build.args], { cwd: ROOT, env: build.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  // Quiet unless it fails: the build's progress bars would bury the test report.
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.once('close', (code, signal) => {
    running.delete(child);
    if (code === 0) {
      writeFileSync(doneMark(build.name), String(Date.now() - started));
      console.log(`\n${build.label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      writeFileSync(failedMark(build.name), `${build.label} failed (${signal ?? code}):\n${output.join('')}`);
    }
  });
}

/** Waits until build `name` of this run is done; throws what the build printed when it failed. */
export async function waitForBuild(name: string, timeoutMs = 10 * 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(doneMark(name))) return;
    if (existsSync(failedMark(name))) throw new Error(readFileSync(failedMark(name), 'utf8'));
    if (Date.now() > deadline) throw new Error(`the ${name} build did not finish in ${timeoutMs / 60000} minutes`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** For the global teardowns: a build nobody waited for (its suites did not run) is stopped. */
export function stopBuilds(): void {
  for (const child of running) child.kill('SIGTERM');
}
