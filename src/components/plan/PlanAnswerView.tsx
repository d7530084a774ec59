import type { PlanAnswer, PlannedDesign } from '../../../simulation/index';
import { loadDesign } from '../../plan/planActions';
import { settingsLine as settingsText } from '../../plan/planInput';
import { num } from '../study/format';
import { PlanChart } from './PlanChart';

const usd = (x: number) => (Number.isFinite(x) ? `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}` : 'n/a');
const interval = (ci: [number, number]) => `${num(ci[0])} to ${num(ci[1])}`;

/** The plan's answer: the best design and its figures, or why there is none; the frontier as a table. */
export function PlanAnswerView({ answer }: { answer: PlanAnswer }) {
  const best = answer.best;
  const names = Object.keys((best ?? answer.frontier[0] ?? answer.ran[0])?.targets ?? {});
  return (
    <section className="plan-answer" aria-labelledby="plan-answer-title">
      <h3 id="plan-answer-title">Answer</h3>
      <p className="muted">
        {answer.evaluated} of {answer.designs} designs evaluated, {answer.runs} runs ({answer.replications} replications per design, up to 4× where close);{' '}
        {answer.skipped.byEstimate} could not keep up, {answer.skipped.byMonotonicity} had less capacity than a design that failed, {answer.skipped.byCost} cost more than the answer.
      </p>
      {best ? (
        <div className="plan-best" aria-label="Best design">
          <p>
            Cheapest design that meets every target: <strong data-testid="plan-best-settings">{settingsText(best.settings)}</strong>, {usd(best.costUsdPerHour)} per hour, {usd(best.costUsdPerMillionRequests)} per million
            requests.
          </p>
          <div className="study-table study-table-scroll">
            <table aria-label="Targets of the best design">
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">Mean</th>
                  <th scope="col">95% interval</th>
                  <th scope="col">Holds</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(best.targets).map(([t, r]) => (
                  <tr key={t}>
                    <th scope="row">{t}</th>
                    <td>{num(r.mean)}</td>
                    <td>{interval(r.ci95)}</td>
                    <td>{r.holds ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="btn" onClick={() => void loadDesign(best.settings)}>
            Load this design
          </button>
        </div>
      ) : (
        <p className="plan-none" role="status" aria-label="No answer">
          No answer: {answer.reason}.
        </p>
      )}
      {answer.ran.length > 0 && (
        <div className="study-charts">
          {names.map((n) => (
            <PlanChart key={n} answer={answer} target={n} />
          ))}
        </div>
      )}
      {answer.frontier.length > 0 && <Frontier designs={answer.frontier} names={names} />}
    </section>
  );
}

function Frontier({ designs, names }: { designs: PlannedDesign[]; names: string[] }) {
  return (
    <div className="study-table study-table-scroll">
      <table aria-label="Frontier">
        <caption>The frontier: designs that ran and that no other design beats on cost and every target at once, cheapest first</caption>
        <thead>
          <tr>
            <th scope="col">Design</th>
            <th scope="col">Per hour</th>
            <th scope="col">Per million requests</th>
            {names.map((n) => (
              <th scope="col" key={n}>
                {n} (mean)
              </th>
            ))}
            <th scope="col">Meets the targets</th>
          </tr>
        </thead>
        <tbody>
          {designs.map((d) => (
            <tr key={settingsText(d.settings)}>
              <th scope="row">{settingsText(d.settings)}</th>
              <td>{usd(d.costUsdPerHour)}</td>
              <td>{usd(d.costUsdPerMillionRequests)}</td>
              {names.map((n) => (
                <td key={n}>{d.targets[n] ? num(d.targets[n].mean) : ''}</td>
              ))}
              <td>{d.holds ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
