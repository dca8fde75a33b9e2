// Follows every lifecycle operation of this tab still running, wherever the user is (mounted once in the app's
// layout): an operation settles from the engine's record when it ends, not when the user next opens the page
// that shows it — by then the VM may have moved on (issue 12). Renders nothing.
import { isSettled, useVmOperations, type VmOperation } from './operations';
import { useFollowOperation } from './use-follow-operation';

function Follow({ op }: { op: VmOperation }) {
  useFollowOperation(op);
  return null;
}

export function OperationsFollower() {
  const running = useVmOperations().filter((o) => o.request === 'accepted' && !isSettled(o));
  return (
    <>
      {running.map((op) => (
        <Follow key={op.id} op={op} />
      ))}
    </>
  );
}
