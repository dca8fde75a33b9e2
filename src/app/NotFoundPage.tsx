import { Button, PageSection } from '@patternfly/react-core';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageSection';
import { Empty } from '../ui/QueryStates';
import { paths } from '../ui/paths';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <PageSection>
        <Empty title="There is nothing at this address" actions={<Button variant="primary" component={(p) => <Link {...p} to={paths.vms()} />}>Go to Virtual Machines</Button>}>
          The link may be old, or the object it pointed to was removed.
        </Empty>
      </PageSection>
    </>
  );
}
