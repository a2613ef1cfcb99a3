/**
 * Jest's order (failed first, then slowest first), except that the browser and mini-program suites
 * come last: their builds start in the global setups and run in the background (tests/helpers/
 * app-builds.ts), so the unit and integration suites run meanwhile instead of a browser suite
 * waiting for its build at the start of the run.
 */
import jestSequencer from '@jest/test-sequencer';

const Sequencer = jestSequencer.default;

const LAST = ['e2e', 'weapp'];
const rank = (test) => LAST.indexOf(test.context.config.displayName?.name ?? '') + 1;

class BuildsLastSequencer extends Sequencer {
  sort(tests) {
    // Array.prototype.sort is stable: within a rank Jest's own order stays.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

export default BuildsLastSequencer;
