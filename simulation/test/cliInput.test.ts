/** The command line's bad input (issue 22): exit status 2, one sentence naming the option or field, nothing run. */
import { describe, expect, it } from 'vitest';
import { runCli, STACK, tempFile } from './cliHelpers';

describe('cli bad input', () => {
  it('cli refuses an intervention whose value is null on a field with a default, as the file refuses the same null', () => {
    const f = tempFile('ivnull.json', {
      version: 1,
      durationS: 10,
      queryService: { instances: 5 },
      interventions: [
        { atS: 1, set: 'queryService.instances', value: null },
        { atS: 2, set: 'workload.rps', value: null },
      ],
    });
    const r = runCli([f]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^interventions\[0\]\.value: queryService\.instances: must be a number$/m);
    expect(r.stderr).toMatch(/^interventions\[1\]\.value: workload\.rps: must be a number$/m);
    const file = runCli([tempFile('null.json', { version: 1, queryService: { instances: null } })]);
    expect(file.stderr).toMatch(/^queryService\.instances: must be a number$/m);
  });
});
