/** Horizontal bars drawn with plain elements: readable on screen and on paper, no chart library. */
export function BarChart({ bars }: { bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <div className="bars" role="img" aria-label={bars.map((b) => `${b.label}: ${b.value}`).join(', ')}>
      {bars.map((b) => (
        <div className="bar-row" key={b.label}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track">
            <span className="bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{b.value}</span>
        </div>
      ))}
    </div>
  );
}

const WEEKDAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

/** Weekday × hour grid, darker where more tickets were issued. */
export function HeatMap({ grid }: { grid: number[][] }) {
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => h >= 6 && h <= 18);
  const max = Math.max(1, ...grid.flat());
  return (
    <table className="heatmap">
      <thead>
        <tr>
          <th />
          {hours.map((h) => (
            <th key={h}>{h}h</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.map((row, d) => (
          <tr key={d}>
            <th>{WEEKDAYS[d]}</th>
            {hours.map((h) => {
              const v = row[h] ?? 0;
              return (
                <td key={h} title={`${WEEKDAYS[d]} ${h}h: ${v}`} style={{ background: `rgba(11, 79, 138, ${v / max})`, color: v / max > 0.5 ? '#fff' : '#1a1a1a' }}>
                  {v || ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
