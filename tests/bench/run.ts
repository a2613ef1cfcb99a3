/** `npm run bench`: every benchmark, one after another; each prints its figures and ratios. */
import { benchGateway } from './gateway';
import { benchFigures } from './figures';

async function main(): Promise<void> {
  await benchGateway();
  console.log('');
  await benchFigures();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
