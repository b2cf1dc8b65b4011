// `npm run bench:eta`: ETA error of our model against the naive "people ahead × mean service time"
// baseline, on the same simulated days (4 counters of the sample ward), at several loads.
import { simulateEta } from './etaSimulation';
import { machine } from './stats';

const days = Number(process.env.ETA_DAYS ?? 10);
console.log(`motcua ETA accuracy — ${new Date().toISOString()} — ${machine()} — ${days} simulated days per load`);
console.log('  arrivals/h  tickets  MAE ours  MAE baseline  error reduction');
for (const perHour of [12, 14, 16, 18]) {
  const r = simulateEta({ days, seed: 2026, arrivalsPerHour: perHour });
  console.log(`  ${String(perHour).padStart(10)}  ${String(r.tickets).padStart(7)}  ${r.maeOurs.toFixed(1).padStart(6)} min  ${r.maeBaseline.toFixed(1).padStart(8)} min  ${(r.improvement * 100).toFixed(0).padStart(13)} %`);
}
