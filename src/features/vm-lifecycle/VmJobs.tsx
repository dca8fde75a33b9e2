// The engine's recent jobs on a VM with their steps, including the ones it ran on its own: an HA restart after
// a host failure shows here which hosts were asked, which connected, and where the VM came back.
import { Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { jobsAboutQueryOptions } from '../../engine-api/jobs';
import type { Vm } from '../../domain/model';
import { JobList } from '../../ui/JobProgress';
import { LoadError } from '../../ui/QueryStates';

export function VmJobs({ vm }: { vm: Vm }) {
  const jobs = useQuery({ ...jobsAboutQueryOptions(`VM ${vm.name}`), refetchInterval: 3000 });
  return (
    <section aria-labelledby="vm-jobs-title" style={{ marginBottom: '1.5rem' }}>
      <Title headingLevel="h2" id="vm-jobs-title">
        Recent engine jobs
      </Title>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        What the engine did with {vm.name}, step by step — also what it started by itself, such as a restart after its host failed.
      </p>
      {jobs.isError ? (
        <LoadError what="the engine's jobs" error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data && jobs.data.length === 0 ? (
        <p>No recent job.</p>
      ) : jobs.data ? (
        <JobList list={jobs.data} />
      ) : (
        <p>Loading the engine's jobs…</p>
      )}
    </section>
  );
}
