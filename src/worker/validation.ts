/**
 * The worker's checks of scenarios and changes, with the scenario schema (zod): a chunk of its own,
 * loaded when first needed (runner.ts), so that the worker starts without it.
 */
export { parseScenario, parseScenarioText } from '../../simulation/input/load';
export { changedScenario, withChange } from '../../simulation/input/changes';
