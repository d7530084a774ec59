import { defaultScenario } from '../simulation/scenario';

/** Placeholder page until the sandbox lands: proves the build and the simulation import work. */
export function App() {
  const s = defaultScenario();
  return (
    <main>
      <h1>CQRS Scaling Lab</h1>
      <p>
        Default scenario: {s.workload.rps} requests/s, {s.commandService.instances} command instances,{' '}
        {s.queryService.instances} query instances.
      </p>
    </main>
  );
}
