// `npm run bench`: the engines' speed and memory, then the lab host's costs. Prints figures.
import { benchEngine } from './engine.ts';
import { benchRateEngine } from './rate-engine.ts';
import { benchLab } from './lab.ts';
import { benchQualitative } from './qualitative.ts';
import { benchCharts } from './charts.ts';

console.log(`Node ${process.version}\n`);
await benchEngine();
console.log('');
await benchRateEngine();
console.log('');
await benchLab();
console.log('');
await benchCharts();
console.log('');
benchQualitative();
