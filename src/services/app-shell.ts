/**
 * Keeping the app usable without a network. The mini-program needs nothing here: WeChat keeps its
 * files, and app.config.ts's preloadRule downloads the subpackages while there is a network. The
 * browser build does it itself (app-shell.h5.ts, which Taro picks for H5 in place of this file).
 */

/** Called once from app.ts. */
export function startAppShell(): void {}

/** Loads the pages under these subpackage roots now, so they open later without a network. */
export function preloadPackages(_roots: readonly string[]): void {}
