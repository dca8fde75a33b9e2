import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AddDiskPage } from '../features/add-disk/AddDiskPage';
import { DisksPage } from '../features/disks/DisksPage';
import { HostsPage } from '../features/hosts/HostsPage';
import { VmsPage } from '../features/vms/VmsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { VmPage } from './pages/VmPage';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/vms" replace /> },
      { path: 'vms', element: <VmsPage /> },
      { path: 'vms/:vmId', element: <VmPage /> },
      { path: 'disks', element: <DisksPage /> },
      { path: 'disks/new', element: <AddDiskPage /> },
      { path: 'hosts', element: <HostsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
