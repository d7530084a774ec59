/**
 * What the controls do once pressed, loaded on the first use of any of them (createController.ts):
 * run control, live changes, sharing and saving. The first screen only draws and loads the
 * address's link, so it ships none of this.
 */
export { follow, pause, play, reset, setSpeed, step } from './runControl';
export { change } from './liveChanges';
export { currentLink, saveReport, saveScenario, scenarioNow, shareLink } from './sharing';
