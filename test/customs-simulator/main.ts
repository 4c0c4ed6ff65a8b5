import * as path from 'node:path';
import { CustomsSimulator } from './customs-simulator';

/**
 * `npm run simulator:customs`: runs the Single Window simulator on a folder pair until
 * interrupted. CUSTOMS_SIM_DIR (default ./var/customs-exchange) holds `out` (TradeHub writes)
 * and `in` (the simulator answers); CUSTOMS_SIM_SCHEMAS is the folder of the official XSDs.
 */
const root = path.resolve(process.env.CUSTOMS_SIM_DIR ?? 'var/customs-exchange');
const schemaDir = process.env.CUSTOMS_SIM_SCHEMAS;
if (!schemaDir) {
  console.error('set CUSTOMS_SIM_SCHEMAS to the folder holding ceb-export-202205.xsd');
  process.exit(2);
}
const simulator = new CustomsSimulator({
  watchDir: path.join(root, 'out'),
  answerDir: path.join(root, 'in'),
  schemaDir,
});
simulator.start();
console.log(`customs simulator: reading ${root}/out, answering in ${root}/in`);
const stop = () => void simulator.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
