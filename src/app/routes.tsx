import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AddDiskPage } from '../features/add-disk/AddDiskPage';
import { AttachDiskPage } from '../features/attach-disk/AttachDiskPage';
import { DiskPage } from '../features/disks/DiskPage';
import { DisksPage } from '../features/disks/DisksPage';
import { HostPage } from '../features/hosts/HostPage';
import { HostsPage } from '../features/hosts/HostsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { VmPage } from './pages/VmPage';
import { VmsListPage } from './pages/VmsListPage';
import { RouteError } from './RouteError';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/vms" replace /> },
      { path: 'vms', element: <VmsListPage /> },
      { path: 'vms/:vmId', element: <VmPage /> },
      { path: 'disks', element: <DisksPage /> },
      { path: 'disks/new', element: <AddDiskPage /> },
      { path: 'disks/:diskId', element: <DiskPage /> },
      { path: 'attach-disk', element: <AttachDiskPage /> },
      { path: 'hosts', element: <HostsPage /> },
      { path: 'hosts/:hostId', element: <HostPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
