import { useStore } from 'zustand';
import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions, type CostEstimate } from '../../../shared/cost';
import { useServices } from '../app/services';

const EDITABLE: { key: keyof CostAssumptions; label: string; unit: string }[] = [
  { key: 'hoursPerMonth', label: 'Hours a month', unit: 'h' },
  { key: 'lcuPerLoadBalancer', label: 'LCUs per load balancer', unit: 'LCU' },
  { key: 'natGbPerMonth', label: 'NAT data a month', unit: 'GB' },
  { key: 'logsGbPerTaskMonth', label: 'Logs per task a month', unit: 'GB' },
];

const money = (value: number, digits = 2) => `$${value.toFixed(digits)}`;

/** The cost of the simulated profile per component, with its editable assumptions and the prices' date. */
export function CostTable({ estimate }: { estimate: CostEstimate }) {
  const { simulation } = useServices();
  const given = useStore(simulation, (state) => state.costAssumptions);
  return (
    <div className="stowage-sim-cost" data-testid="sim-cost">
      <table>
        <thead>
          <tr>
            <th>Component</th>
            <th>What</th>
            <th className="is-number">Hourly (average)</th>
            <th className="is-number">Monthly at this rate</th>
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((line, index) => (
            <tr key={`${line.nodeId}-${line.component}-${index}`} title={line.detail}>
              <td>{line.label}</td>
              <td>{line.component}</td>
              <td className="is-number">{money(line.hourly, 4)}</td>
              <td className="is-number">{money(line.monthly)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>Total</th>
            <th className="is-number" data-testid="sim-cost-hourly">
              {money(estimate.hourly, 4)}
            </th>
            <th className="is-number">{money(estimate.monthly)}</th>
          </tr>
        </tfoot>
      </table>
      <div className="stowage-sim-cost__assumptions">
        {EDITABLE.map(({ key, label, unit }) => (
          <label key={key}>
            {label}{' '}
            <input
              type="number"
              min={0}
              className="stowage-simulate__number"
              value={(given[key] as number | undefined) ?? (DEFAULT_COST_ASSUMPTIONS[key] as number)}
              onChange={(event) => {
                const value = Number(event.target.value);
                if (Number.isFinite(value) && value >= 0) simulation.getState().setCostAssumption(key, value);
              }}
            />{' '}
            {unit}
          </label>
        ))}
        <p className="stowage-sim-cost__source">
          Prices: {estimate.prices.source}, as of {estimate.prices.asOf} ({estimate.prices.currency}). Refresh them before relying on a
          figure.
        </p>
        {estimate.warnings.map((warning) => (
          <p key={warning} className="stowage-sim-cost__warning">
            {warning}
          </p>
        ))}
      </div>
    </div>
  );
}
