// A huge SAN: large-san with 50,000 LUNs (host01 logged in to every target), for the LUN table at 5× its
// 10,000-LUN goal (issue 15: within 2× of the large-san figures).
import { largeSan } from './large-san';

export const HUGE_SAN_LUNS = 50_000;

export function hugeSan() {
  return largeSan({ name: 'huge-san', luns: HUGE_SAN_LUNS });
}
