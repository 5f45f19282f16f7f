// `npm run bench`: the engines' speed and memory, then the lab host's costs. Prints figures.
// `npm run bench -- --only <text>` runs only the rate engine's kernel-like scenarios whose name
// has the text (both engines, as the full bench does), and nothing else; `-- --colloid` only
// Colloid's published result (colloid-result.ts).
import { benchEngine } from './engine.ts';
import { benchRateEngine, benchScenarios } from './rate-engine.ts';
import { benchLab } from './lab.ts';
import { benchQualitative } from './qualitative.ts';
import { benchColloid } from './colloid-result.ts';
import { benchCharts } from './charts.ts';

console.log(`Node ${process.version}\n`);
if (process.argv.includes('--colloid')) {
  benchColloid();
  process.exit(0);
}
const onlyAt = process.argv.indexOf('--only');
if (onlyAt >= 0) {
  benchScenarios(process.argv[onlyAt + 1] ?? '');
  process.exit(0);
}
await benchEngine();
console.log('');
await benchRateEngine();
console.log('');
await benchLab();
console.log('');
await benchCharts();
console.log('');
benchQualitative();
