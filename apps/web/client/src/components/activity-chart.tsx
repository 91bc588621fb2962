import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { ActivityBucket } from '../api/types';
import { CLAIM_TYPES } from '../api/vocabulary';
import { typeLabel } from './badges';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colour-blind-safe palette (Okabe-Ito), one colour per claim type. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/**
 * Events per month, stacked by claim type (Chart.js on a canvas), with the same figures as a table for
 * screen readers and keyboard users.
 */
export function ActivityChart(props: { months: ActivityBucket[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const months = props.months;
  const types = CLAIM_TYPES.filter((type) => months.some((m) => m.types[type]));
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months.map((m) => m.month),
        datasets: types.map((type) => ({
          label: typeLabel(type),
          data: months.map((m) => m.types[type] ?? 0),
          backgroundColor: COLOURS[CLAIM_TYPES.indexOf(type) % COLOURS.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify(months)]);
  if (months.length === 0) return <p class="muted">No events in this range.</p>;
  return (
    <figure class="chart">
      <div class="chart-canvas">
        <canvas ref={canvas} role="img" aria-label="Events per month and claim type (table below)" />
      </div>
      <details>
        <summary>Events per month as a table</summary>
        <table>
          <caption class="sr-only">Events per month and claim type</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {types.map((t) => (
                <th scope="col" key={t}>
                  {typeLabel(t)}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {types.map((t) => (
                  <td key={t}>{m.types[t] ?? 0}</td>
                ))}
                <td>{m.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
