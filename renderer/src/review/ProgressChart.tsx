import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatShort, plural } from '../ui/format';
import type { HourlyProgress } from './progressBuckets';

const barColour = '#1f4e79';
const day = 86_400;
// The axis reads dates the way the rest of the station writes them ("5 Jan", "5 Jan, 06:00").
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const hourLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The batch's progress over time: steps completed in each hour, as bars drawn by uPlot. The canvas is hidden from screen readers; the summary and the table below it
 * say the same in words.
 */
export function ProgressChart({ progress }: { progress: HourlyProgress }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || progress.hours.length === 0) return;
    const plot = new uPlot(chartOptions(el.clientWidth), [progress.hours, progress.completed], el);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: el.clientWidth, height: 240 });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [progress]);

  if (progress.hours.length === 0) {
    return <p className="muted">No step of this batch is complete yet, so there is no progress to chart.</p>;
  }
  const busiest = progress.completed.reduce((best, n, i) => (n > (progress.completed[best] ?? 0) ? i : best), 0);
  const total = progress.cumulative[progress.cumulative.length - 1] ?? 0;
  const hourText = (i: number) => formatShort(new Date((progress.hours[i] ?? 0) * 1000).toISOString());
  return (
    <figure className="progress-chart">
      <div className="chart-legend" aria-hidden="true">
        <span><span className="swatch" style={{ background: barColour }} /> Steps completed in the hour</span>
      </div>
      <div ref={box} className="chart-box" aria-hidden="true" />
      <figcaption>
        {plural(total, 'step')} completed in {plural(progress.hours.length, 'hour')} with work, the first in the hour from {hourText(0)}, the latest from{' '}
        {hourText(progress.hours.length - 1)}; the busiest hour was from {hourText(busiest)}, with {plural(progress.completed[busiest] ?? 0, 'step')}.
      </figcaption>
      <details className="chart-table">
        <summary>The hours in numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Hour starting</th>
              <th scope="col">Steps completed</th>
              <th scope="col">Complete so far</th>
            </tr>
          </thead>
          <tbody>
            {progress.hours.map((h, i) => (
              <tr key={h}>
                <td>{hourText(i)}</td>
                <td>{progress.completed[i]}</td>
                <td>{progress.cumulative[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function chartOptions(width: number): uPlot.Options {
  // Hours far apart would make bars a hairline: at least 6 px, at most 40.
  const bars = uPlot.paths.bars?.({ size: [0.8, 40, 6] });
  return {
    width,
    height: 240,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [
      { stroke: '#1b1f24', values: (_u, splits, _axis, _space, incr) => splits.map((t) => (incr >= day ? dayLabel : hourLabel).format(t * 1000)) },
      { stroke: '#1b1f24', label: 'Steps per hour', size: 60 },
    ],
    series: [
      {},
      { label: 'Steps completed in the hour', stroke: barColour, fill: `${barColour}cc`, paths: bars, points: { show: false } },
    ],
  };
}
