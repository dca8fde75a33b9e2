// An engine with nothing in it but its Default data center: every list shows its empty state.
import { ScenarioBuilder } from './builder';

export function empty() {
  const b = new ScenarioBuilder('empty', 0xe);
  const dc = b.dataCenter('Default');
  b.cluster('Default', dc.id);
  return b.done();
}
